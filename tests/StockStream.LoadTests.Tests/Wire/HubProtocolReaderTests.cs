using System.Buffers;
using Microsoft.AspNetCore.SignalR.Protocol;
using StockStream.LoadTests.Wire;

namespace StockStream.LoadTests.Tests.Wire;

/// <summary>The load tool's SignalR reader against the bytes SignalR's own MessagePack hub protocol writes.</summary>
public class HubProtocolReaderTests
{
    private static readonly MessagePackHubProtocol Protocol = new();

    private static byte[] Write(HubMessage message)
    {
        var buffer = new ArrayBufferWriter<byte>();
        Protocol.WriteMessage(message, buffer);
        return buffer.WrittenSpan.ToArray();
    }

    [Fact]
    public void ReadsTickInvocationsBackToBack()
    {
        byte[] bytes = [
            .. Write(new InvocationMessage("tick", ["AAPL", 41UL, 187.25, 300L, 1_700_000_000_000_000L])),
            .. Write(new InvocationMessage("tick", ["MSFT", 7UL, 410.5, 10L, 1_700_000_000_000_001L])),
        ];
        var observer = new RecordingObserver();

        Assert.True(HubProtocolReader.TryRead(bytes, observer, out var first));
        Assert.True(HubProtocolReader.TryRead(bytes.AsMemory(first.Length), observer, out var second));

        Assert.Equal(bytes.Length, first.Length + second.Length);
        Assert.Equal(HubProtocolReader.InvocationType, second.Type);
        Assert.Equal([("AAPL", 41UL, 1_700_000_000_000_000L, false), ("MSFT", 7UL, 1_700_000_000_000_001L, false)], observer.Ticks);
    }

    [Fact]
    public void WaitsForTheRestOfAPartialMessage()
    {
        var bytes = Write(new InvocationMessage("tick", ["AAPL", 1UL, 1.0, 1L, 1L]));
        var observer = new RecordingObserver();
        Assert.False(HubProtocolReader.TryRead(bytes.AsMemory(0, bytes.Length - 1), observer, out _));
        Assert.Empty(observer.Ticks);
    }

    [Fact]
    public void ReadsTheQuotesASubscribeReturnsAndItsErrors()
    {
        object[][] quotes = [["AAPL", 5UL, 1.5, 1.0, 2.0, 0.5, 100L, 9L], ["IBM", 0UL, 3.0, 3.0, 3.0, 3.0, 0L, 9L]];
        var observer = new RecordingObserver();
        Assert.True(HubProtocolReader.TryRead(Write(CompletionMessage.WithResult("1", quotes)), observer, out var ok));
        Assert.Null(ok.Error);
        Assert.Equal([("AAPL", 5UL), ("IBM", 0UL)], observer.Quotes);

        Assert.True(HubProtocolReader.TryRead(Write(CompletionMessage.WithError("1", "Unknown symbol 'NOPE'.")), observer, out var failed));
        Assert.Equal(HubProtocolReader.CompletionType, failed.Type);
        Assert.Equal("Unknown symbol 'NOPE'.", failed.Error);
    }

    [Fact]
    public void WritesAnInvocationSignalRReads()
    {
        var bytes = new ReadOnlySequence<byte>(HubProtocolReader.Invocation("1", "Subscribe", ["AAPL", "MSFT"]));
        Assert.True(Protocol.TryParseMessage(ref bytes, new Binder(), out var message));
        var invocation = Assert.IsType<InvocationMessage>(message);
        Assert.Equal("Subscribe", invocation.Target);
        Assert.Equal("1", invocation.InvocationId);
        Assert.Equal(["AAPL", "MSFT"], Assert.IsType<string[]>(Assert.Single(invocation.Arguments)));
    }

    [Fact]
    public void PingIsAPingToSignalR()
    {
        var bytes = new ReadOnlySequence<byte>(HubProtocolReader.Ping);
        Assert.True(Protocol.TryParseMessage(ref bytes, new Binder(), out var message));
        Assert.IsType<PingMessage>(message);
    }

    private sealed class Binder : Microsoft.AspNetCore.SignalR.IInvocationBinder
    {
        public IReadOnlyList<Type> GetParameterTypes(string methodName) => [typeof(string[])];
        public Type GetReturnType(string invocationId) => typeof(object);
        public Type GetStreamItemType(string streamId) => typeof(object);
    }
}
