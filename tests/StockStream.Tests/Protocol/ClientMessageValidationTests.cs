using System.Text;
using MessagePack;
using StockStream.Protocol;
using StockStream.Protocol.Messages;

namespace StockStream.Tests.Protocol;

public class ClientMessageValidationTests
{
    public static TheoryData<string, int> BadMessagePackFrames() => new()
    {
        { "c1", ErrorCodes.MalformedMessage },                 // 0xc1 is never valid MessagePack
        { "a3616263", ErrorCodes.MalformedMessage },           // a string, not an array
        { "90", ErrorCodes.MalformedMessage },                 // empty array
        { "91a131", ErrorCodes.MalformedMessage },             // type is a string
        { "9163", ErrorCodes.UnknownMessageType },             // [99]
        { "9301a13191a141", ErrorCodes.MalformedMessage },     // Subscribe with reqId "1"
        { "930101a141", ErrorCodes.MalformedMessage },         // symbols not an array
        { "93010191 01", ErrorCodes.MalformedMessage },        // a symbol that is a number
        { "930101", ErrorCodes.MalformedMessage },             // truncated
        { "9203", ErrorCodes.MalformedMessage },               // Ping without its time: truncated
        { "9103", ErrorCodes.MalformedMessage },               // Ping with no field
        { "930101900102", ErrorCodes.MalformedMessage },       // trailing bytes
        { "9401019081a141a141", ErrorCodes.MalformedMessage }, // resume seq is a string
        { "930101dd7fffffff", ErrorCodes.MalformedMessage },   // array header claiming 2^31 symbols
    };

    [Theory]
    [MemberData(nameof(BadMessagePackFrames))]
    public void RejectsMalformedMessagePackWithTheProtocolErrorCode(string hex, int code)
    {
        var e = Assert.Throws<ProtocolException>(() => WireFormat.MessagePack.ReadClientMessage(Convert.FromHexString(hex.Replace(" ", ""))));
        Assert.Equal(code, e.Code);
        Assert.DoesNotContain("MessagePack.", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", ErrorCodes.MalformedMessage)]
    [InlineData("{\"type\":1}", ErrorCodes.MalformedMessage)]
    [InlineData("[]", ErrorCodes.MalformedMessage)]
    [InlineData("[\"1\",1,[]]", ErrorCodes.MalformedMessage)]
    [InlineData("[99]", ErrorCodes.UnknownMessageType)]
    [InlineData("[1,-1,[\"AAPL\"]]", ErrorCodes.MalformedMessage)]
    [InlineData("[1,1,[\"AAPL\"],{\"AAPL\":\"x\"}]", ErrorCodes.MalformedMessage)]
    [InlineData("[1,1,[\"AAPL\"],null,5]", ErrorCodes.MalformedMessage)]
    [InlineData("[2,1,[1]]", ErrorCodes.MalformedMessage)]
    [InlineData("[3]", ErrorCodes.MalformedMessage)]
    [InlineData("[3,1] [3,1]", ErrorCodes.MalformedMessage)]
    [InlineData("[1,1,[\"AAPL\"]", ErrorCodes.MalformedMessage)]
    public void RejectsMalformedJsonWithTheProtocolErrorCode(string json, int code)
    {
        var e = Assert.Throws<ProtocolException>(() => WireFormat.Json.ReadClientMessage(Encoding.UTF8.GetBytes(json)));
        Assert.Equal(code, e.Code);
    }

    [Fact]
    public void DeeplyNestedPingTimeIsRefusedWithoutExhaustingTheStack()
    {
        byte[] frame = [0x92, 0x03, .. Enumerable.Repeat((byte)0x91, 4000), 0x01];
        var e = Assert.Throws<ProtocolException>(() => WireFormat.MessagePack.ReadClientMessage(frame));
        Assert.Equal(ErrorCodes.MalformedMessage, e.Code);
    }

    [Fact]
    public void PingTimeIsEchoedByteForByteWhateverItsType()
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        var writer = new MessagePackWriter(buffer);
        writer.WriteArrayHeader(2);
        writer.Write(3);
        writer.WriteMapHeader(1);
        writer.Write("t");
        writer.Write(12.5);
        writer.Flush();
        var ping = Assert.IsType<PingMessage>(WireFormat.MessagePack.ReadClientMessage(buffer.WrittenMemory));
        var pong = WireFormat.MessagePack.ToArray(new PongMessage(ping.RawClientTime, 99));
        Assert.Equal(buffer.WrittenSpan[2..].ToArray(), pong[2..^1]);
    }

    [Fact]
    public void SubscribeWithNilResumeIsASubscribeWithoutResume()
    {
        var message = WireFormat.MessagePack.ReadClientMessage(Convert.FromHexString("94010591a44141504cc0"));
        var subscribe = Assert.IsType<SubscribeMessage>(message);
        Assert.Equal(5u, subscribe.ReqId);
        Assert.Equal(["AAPL"], subscribe.Symbols);
        Assert.Null(subscribe.Resume);
    }

    [Theory]
    [InlineData("AAPL", true)]
    [InlineData("BRK.B", true)]
    [InlineData("X-1", true)]
    [InlineData("ABCDEFGHIJKL", true)]
    [InlineData("ABCDEFGHIJKLM", false)]
    [InlineData("", false)]
    [InlineData("aapl", false)]
    [InlineData("AA PL", false)]
    [InlineData("ÄPFEL", false)]
    public void ValidatesSymbols(string symbol, bool valid) => Assert.Equal(valid, SymbolName.IsValid(symbol));
}
