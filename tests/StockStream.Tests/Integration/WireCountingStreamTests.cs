using System.Threading.Tasks.Sources;
using StockStream.Server.Transports.WebSockets.Compression;

namespace StockStream.Tests.Integration;

public class WireCountingStreamTests
{
    [Fact]
    public async Task AReadThatHasCompletedIsConsumedOnceAndCounted()
    {
        // Kestrel's reads are pooled ValueTasks: one that completes between the call and the check is done, and
        // its result may be taken once only — a second GetResult would read a reused operation.
        var inner = new OneShotReadStream(bytes: 7);
        var traffic = new WireTraffic();
        await using var counting = new WireCountingStream(inner, traffic);

        int read = await counting.ReadAsync(new byte[16]);

        Assert.Equal(7, read);
        Assert.Equal(7, traffic.BytesReceived);
        Assert.Equal(1, inner.ResultsTaken);
    }

    [Fact]
    public async Task AReadThatCompletesLaterIsCounted()
    {
        var inner = new OneShotReadStream(bytes: 5, completeAfterReturn: true);
        var traffic = new WireTraffic();
        await using var counting = new WireCountingStream(inner, traffic);

        var pending = counting.ReadAsync(new byte[16]);
        Assert.False(pending.IsCompleted);
        inner.Complete();

        Assert.Equal(5, await pending);
        Assert.Equal(5, traffic.BytesReceived);
        Assert.Equal(1, inner.ResultsTaken);
    }

    /// <summary>A stream whose one read is an IValueTaskSource that refuses to give its result twice.</summary>
    private sealed class OneShotReadStream(int bytes, bool completeAfterReturn = false) : Stream, IValueTaskSource<int>
    {
        private ManualResetValueTaskSourceCore<int> _core;
        public int ResultsTaken { get; private set; }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (!completeAfterReturn) _core.SetResult(bytes);
            return new ValueTask<int>(this, _core.Version);
        }

        public void Complete() => _core.SetResult(bytes);

        public int GetResult(short token)
        {
            if (++ResultsTaken > 1) throw new InvalidOperationException("The read's result was taken twice.");
            return _core.GetResult(token);
        }

        public ValueTaskSourceStatus GetStatus(short token) => _core.GetStatus(token);

        public void OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags) =>
            _core.OnCompleted(continuation, state, token, flags);

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
