using System.Buffers;
using System.Runtime.CompilerServices;
using MessagePack;
using StockStream.Protocol;
using StockStream.Protocol.Http;
using StockStream.Protocol.Messages;
using StockStream.Server.Transports.Http;

namespace StockStream.Tests.Protocol;

/// <summary>
/// Poll answers pinned as golden files (tests/fixtures/http), beside the WebSocket frames, so the web client's
/// decoders and the load tool are tested against the same bytes. Set STOCKSTREAM_UPDATE_GOLDEN=1 to rewrite them deliberately.
/// </summary>
public class PollAnswerGoldenTests
{
    /// <summary>A server cursor (epoch, offset 1234, issued while halted), the samples' ticks and quotes, ticks missed.</summary>
    public static readonly PollAnswerMessage Sample = new(
        new PollCursor("5eed5eed5eed5eed", 1_234, MarketState.Halted).ToString(), SampleMessages.Ticks, Missed: true,
        SampleMessages.Quotes, MarketState.Halted, "5eed5eed5eed5eed", SampleMessages.Time + 76_544);

    [Theory]
    [InlineData("msgpack")]
    [InlineData("json")]
    public void AnswerMatchesTheGoldenFile(string extension)
    {
        byte[] encoded = Format(extension).ToArray(Sample);
        string path = Path.Combine(FixtureDirectory(), $"poll-answer.{extension}");
        if (Environment.GetEnvironmentVariable("STOCKSTREAM_UPDATE_GOLDEN") == "1") File.WriteAllBytes(path, encoded);
        Assert.Equal(File.ReadAllBytes(path), encoded);
    }

    [Theory]
    [InlineData("msgpack")]
    [InlineData("json")]
    public void GoldenFileReadsBackToTheSample(string extension)
    {
        var read = Format(extension).Read(File.ReadAllBytes(Path.Combine(FixtureDirectory(), $"poll-answer.{extension}")));

        Assert.Equal(SampleMessages.Ticks, read.Ticks);
        Assert.Equal(SampleMessages.Quotes, read.Quotes);
        Assert.Equal(Sample with { Ticks = read.Ticks, Quotes = read.Quotes }, read);
    }

    [Fact]
    public void JsonGoldenFileIsTheProtocolsObject()
    {
        string json = File.ReadAllText(Path.Combine(FixtureDirectory(), "poll-answer.json"));

        Assert.StartsWith($$"""{"cursor":"{{Sample.Cursor}}","ticks":[{"symbol":"AAPL","seq":41,"price":187.25,"size":300,"time":1732370000123456},""", json);
        Assert.EndsWith(""","market":"halted","epoch":"5eed5eed5eed5eed","serverTime":1732370000200000}""", json);
    }

    [Fact]
    public void MessagePackAnswerUsesTheWebSocketsTickAndQuoteArrays()
    {
        var reader = new MessagePackReader(PollAnswerFormat.MessagePack.ToArray(Sample));
        Assert.Equal(7, reader.ReadArrayHeader());
        Assert.Equal(Sample.Cursor, reader.ReadString());
        var ticks = reader.ReadRaw().ToArray();
        Assert.Equal((int)TickFlags.Missed, reader.ReadInt32());
        var quotes = reader.ReadRaw().ToArray();
        Assert.Equal(("halted", "5eed5eed5eed5eed", Sample.ServerTime), (reader.ReadString(), reader.ReadString(), reader.ReadInt64()));
        Assert.True(reader.End);

        Assert.Equal(ArrayAt(WireFormat.MessagePack.ToArray(new TicksMessage(SampleMessages.Ticks, TickFlags.None)), 1), ticks);
        Assert.Equal(ArrayAt(WireFormat.MessagePack.ToArray(new SnapshotMessage(SampleMessages.Quotes)), 1), quotes);
    }

    [Theory]
    [InlineData("msgpack")]
    [InlineData("json")]
    public void AnswerFromEncodedTicksIsTheSameAsFromTheMessage(string extension)
    {
        var format = Format(extension);
        var encoded = new EncodedPollAnswer(Sample.Cursor, [.. SampleMessages.Ticks.Select(t => new EncodedTick(t))], Sample.Missed,
            Sample.Quotes, Sample.Market, Sample.Epoch, Sample.ServerTime);

        Assert.Equal(format.ToArray(Sample), format.ToArray(encoded));
    }

    /// <summary>The raw bytes of element <paramref name="index"/> of a MessagePack array.</summary>
    private static byte[] ArrayAt(byte[] message, int index)
    {
        var reader = new MessagePackReader(message);
        reader.ReadArrayHeader();
        for (int i = 0; i < index; i++) reader.Skip();
        return reader.ReadRaw().ToArray();
    }

    private static PollAnswerFormat Format(string extension) => extension == "json" ? PollAnswerFormat.Json : PollAnswerFormat.MessagePack;

    private static string FixtureDirectory([CallerFilePath] string source = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(source)!, "..", "..", "fixtures", "http"));
}
