using StockStream.LoadTests.Wire;
using StockStream.Protocol;
using StockStream.Protocol.Http;

namespace StockStream.LoadTests.Tests.Wire;

/// <summary>The readers against the protocol's golden frames and poll answers, the ones the server and the web client are tested with too.</summary>
public class GoldenFixtureTests
{
    private static readonly (string, ulong, long, bool)[] ExpectedTicks =
        [("AAPL", 41, 1_732_370_000_123_456, true), ("BRK.B", 7, 1_732_370_000_124_306, true)];

    private static readonly (string, ulong)[] ExpectedQuotes = [("AAPL", 41), ("BRK.B", 0)];

    /// <summary>The server's cursor of epoch 5eed5eed5eed5eed, offset 1234, market halted.</summary>
    private const string GoldenCursor = "NWVlZDVlZWQ1ZWVkNWVlZC4xMjM0LmhhbHRlZA";

    [Fact]
    public void MessagePackReaderReadsTheGoldenTicksFrame()
    {
        var observer = new RecordingObserver();

        Assert.Equal(MessageType.Ticks, MessagePackFrameReader.Read(Fixture("ticks.msgpack"), observer));
        Assert.Equal(ExpectedTicks, observer.Ticks);
    }

    [Fact]
    public void JsonReaderReadsTheGoldenTicksFrame()
    {
        var observer = new RecordingObserver();

        Assert.Equal(MessageType.Ticks, JsonFrameReader.Read(Fixture("ticks.json"), observer));
        Assert.Equal(ExpectedTicks, observer.Ticks);
    }

    [Fact]
    public void BothReadersReadTheGoldenSnapshot()
    {
        var fromMessagePack = new RecordingObserver();
        var fromJson = new RecordingObserver();

        MessagePackFrameReader.Read(Fixture("snapshot.msgpack"), fromMessagePack);
        JsonFrameReader.Read(Fixture("snapshot.json"), fromJson);

        Assert.Equal(ExpectedQuotes, fromMessagePack.Quotes);
        Assert.Equal(ExpectedQuotes, fromJson.Quotes);
    }

    [Theory]
    [InlineData("hello", MessageType.Hello)]
    [InlineData("suback", MessageType.SubAck)]
    [InlineData("pong", MessageType.Pong)]
    [InlineData("error", MessageType.Error)]
    [InlineData("market-status", MessageType.MarketStatus)]
    public void IdentifiesEveryOtherGoldenServerFrame(string name, MessageType type)
    {
        Assert.Equal(type, MessagePackFrameReader.Read(Fixture($"{name}.msgpack"), new RecordingObserver()));
        Assert.Equal(type, JsonFrameReader.Read(Fixture($"{name}.json"), new RecordingObserver()));
    }

    [Fact]
    public void PollClientsReadTheGoldenPollAnswers()
    {
        var fromMessagePack = new RecordingObserver();
        var fromJson = new RecordingObserver();

        var msgpackAnswer = PollAnswerFormat.MessagePack.Read(Fixture("poll-answer.msgpack", "http"), new PollAnswerObserver(fromMessagePack));
        var expected = (msgpackAnswer.CursorText(), msgpackAnswer.Missed, msgpackAnswer.TickCount);
        var jsonAnswer = PollAnswerFormat.Json.Read(Fixture("poll-answer.json", "http"), new PollAnswerObserver(fromJson));

        Assert.Equal((GoldenCursor, true, 2), expected);
        Assert.Equal(expected, (jsonAnswer.CursorText(), jsonAnswer.Missed, jsonAnswer.TickCount));
        Assert.Equal(ExpectedTicks, fromMessagePack.Ticks); // "missed" marks the ticks' jumps as explained, like "conflated"
        Assert.Equal(ExpectedTicks, fromJson.Ticks);
        Assert.Equal(ExpectedQuotes, fromMessagePack.Quotes);
        Assert.Equal(ExpectedQuotes, fromJson.Quotes);
    }

    private static byte[] Fixture(string name, string folder = "protocol") => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "fixtures", folder, name));
}
