using System.Buffers;
using System.Runtime.CompilerServices;
using MessagePack;
using StockStream.Protocol;
using StockStream.Protocol.Messages;
using StockStream.Server.Transports.Http;
using StockStream.Tests.Protocol;

namespace StockStream.Tests.Http;

/// <summary>
/// Poll answers pinned as golden files (tests/fixtures/http), beside the WebSocket frames, so the web client's
/// decoders are tested against the same bytes. Set STOCKSTREAM_UPDATE_GOLDEN=1 to rewrite them deliberately.
/// </summary>
public class PollAnswerGoldenTests
{
    private static readonly PollAnswer Sample = new(
        new PollCursor("5eed5eed5eed5eed", 1_234), [.. SampleMessages.Ticks.Select(t => new EncodedTick(t))], TickFlags.Missed,
        SampleMessages.Quotes, MarketState.Halted);

    [Theory]
    [InlineData("poll-answer.msgpack")]
    [InlineData("poll-answer.json")]
    public void AnswerMatchesTheGoldenFile(string name)
    {
        var buffer = new ArrayBufferWriter<byte>();
        if (name.EndsWith(".json", StringComparison.Ordinal)) PollAnswerWriter.WriteJson(buffer, Sample);
        else PollAnswerWriter.WriteMessagePack(buffer, Sample);
        string path = Path.Combine(FixtureDirectory(), name);
        if (Environment.GetEnvironmentVariable("STOCKSTREAM_UPDATE_GOLDEN") == "1") File.WriteAllBytes(path, buffer.WrittenSpan.ToArray());
        Assert.Equal(File.ReadAllBytes(path), buffer.WrittenSpan.ToArray());
    }

    [Fact]
    public void MessagePackAnswerUsesTheWebSocketsTickAndQuoteArrays()
    {
        var buffer = new ArrayBufferWriter<byte>();
        PollAnswerWriter.WriteMessagePack(buffer, Sample);
        var reader = new MessagePackReader(buffer.WrittenMemory);
        reader.ReadArrayHeader();
        reader.Skip(); // cursor
        var ticks = reader.ReadRaw().ToArray();
        reader.Skip(); // flags
        var quotes = reader.ReadRaw().ToArray();

        Assert.Equal(ArrayAt(WireFormat.MessagePack.ToArray(new TicksMessage(SampleMessages.Ticks, TickFlags.None)), 1), ticks);
        Assert.Equal(ArrayAt(WireFormat.MessagePack.ToArray(new SnapshotMessage(SampleMessages.Quotes)), 1), quotes);
    }

    [Fact]
    public void JsonAnswerDecodesToTheSample()
    {
        var buffer = new ArrayBufferWriter<byte>();
        PollAnswerWriter.WriteJson(buffer, Sample);
        using var json = System.Text.Json.JsonDocument.Parse(buffer.WrittenMemory);
        var reply = Infrastructure.PollReply.FromJson(json.RootElement);
        Assert.Equal(SampleMessages.Ticks, reply.Ticks);
        Assert.Equal(SampleMessages.Quotes, reply.Quotes);
        Assert.True(reply.Missed);
        Assert.Equal(("halted", "5eed5eed5eed5eed", Sample.Cursor.ToString()), (reply.Market, reply.Epoch, reply.Cursor));
    }

    /// <summary>The raw bytes of element <paramref name="index"/> of a MessagePack array.</summary>
    private static byte[] ArrayAt(byte[] message, int index)
    {
        var reader = new MessagePackReader(message);
        reader.ReadArrayHeader();
        for (int i = 0; i < index; i++) reader.Skip();
        return reader.ReadRaw().ToArray();
    }

    private static string FixtureDirectory([CallerFilePath] string source = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(source)!, "..", "..", "fixtures", "http"));
}
