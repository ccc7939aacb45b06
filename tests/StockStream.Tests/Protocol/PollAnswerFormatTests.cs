using System.Buffers;
using System.Text;
using MessagePack;
using StockStream.Protocol;
using StockStream.Protocol.Http;

namespace StockStream.Tests.Protocol;

/// <summary>The poll answer's readers: the members in any order (JSON), and a clear error for whatever is not an answer.</summary>
public class PollAnswerFormatTests
{
    private const string Tick = """{"time":1732370000123456,"size":300,"price":187.25,"seq":41,"symbol":"AAPL"}""";
    private const string Quote = """{"symbol":"AAPL","seq":41,"price":187.25,"open":186.5,"high":188,"low":185.75,"volume":12300,"time":1732370000123456}""";

    [Fact]
    public void JsonAnswerIsReadWhateverTheMemberOrder()
    {
        var json = $$"""{"serverTime":7,"ticks":[{{Tick}}],"epoch":"e1","quotes":[{{Quote}}],"later":{"a":[1]},"market":"open","cursor":"c-42","missed":true}""";

        var answer = PollAnswerFormat.Json.Read(Encoding.UTF8.GetBytes(json));

        Assert.Equal(new PollAnswerMessage("c-42", answer.Ticks, true, answer.Quotes, MarketState.Open, "e1", 7), answer);
        Assert.Equal([SampleMessages.Ticks[0]], answer.Ticks);
        Assert.Equal([SampleMessages.Quotes[0]], answer.Quotes);
    }

    [Theory]
    [InlineData("ticks")]
    [InlineData("missed")]
    [InlineData("cursor")]
    [InlineData("quotes")]
    public void JsonAnswerLackingAMemberIsRefused(string member)
    {
        var members = new Dictionary<string, string>
        {
            ["cursor"] = "\"c\"",
            ["ticks"] = $"[{Tick}]",
            ["missed"] = "false",
            ["quotes"] = "[]",
            ["market"] = "\"open\"",
            ["epoch"] = "\"e1\"",
            ["serverTime"] = "7",
        };
        members.Remove(member);
        var json = "{" + string.Join(',', members.Select(m => $"\"{m.Key}\":{m.Value}")) + "}";

        var refused = Assert.Throws<ProtocolException>(() => PollAnswerFormat.Json.Read(Encoding.UTF8.GetBytes(json)));
        Assert.Contains(member, refused.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void AnswerFromAServerThatPredatesServerTimeReadsWithServerTimeZero()
    {
        var buffer = new ArrayBufferWriter<byte>();
        var w = new MessagePackWriter(buffer);
        w.WriteArrayHeader(6);
        w.Write("c");
        w.WriteArrayHeader(0);
        w.Write(0);
        w.WriteArrayHeader(0);
        w.Write("open");
        w.Write("e1");
        w.Flush();
        var json = """{"cursor":"c","ticks":[],"missed":false,"quotes":[],"market":"open","epoch":"e1"}""";

        var expected = new PollAnswerMessage("c", [], false, [], MarketState.Open, "e1", 0);
        var fromMessagePack = PollAnswerFormat.MessagePack.Read(buffer.WrittenMemory);
        var fromJson = PollAnswerFormat.Json.Read(Encoding.UTF8.GetBytes(json));
        Assert.Equal(expected with { Ticks = fromMessagePack.Ticks, Quotes = fromMessagePack.Quotes }, fromMessagePack);
        Assert.Equal(expected with { Ticks = fromJson.Ticks, Quotes = fromJson.Quotes }, fromJson);
    }

    [Fact]
    public void MessagePackAnswerWithFewerThanSixMembersIsRefused()
    {
        var buffer = new ArrayBufferWriter<byte>();
        var w = new MessagePackWriter(buffer);
        w.WriteArrayHeader(4);
        w.Write("c");
        w.WriteArrayHeader(0);
        w.Write(0);
        w.WriteArrayHeader(0);
        w.Flush();

        Assert.Throws<ProtocolException>(() => PollAnswerFormat.MessagePack.Read(buffer.WrittenMemory));
    }

    [Theory]
    [InlineData("")]
    [InlineData("[]")]
    [InlineData("{\"cursor\":1}")]
    [InlineData("{\"ticks\":[{\"symbol\":\"A\"}]}")]
    [InlineData("not json")]
    public void WhatIsNotAnAnswerIsAProtocolError(string body)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(body);
        Assert.Throws<ProtocolException>(() => PollAnswerFormat.Json.Read(bytes));
        Assert.Throws<ProtocolException>(() => PollAnswerFormat.MessagePack.Read(bytes));
    }

    [Fact]
    public void MarketMustBeAStateOfTheProtocol()
    {
        var answer = PollAnswerGoldenTests.Sample;
        var json = Encoding.UTF8.GetString(PollAnswerFormat.Json.ToArray(answer)).Replace("\"halted\"", "\"paused\"", StringComparison.Ordinal);

        Assert.Throws<ProtocolException>(() => PollAnswerFormat.Json.Read(Encoding.UTF8.GetBytes(json)));
    }
}
