using System.Runtime.CompilerServices;

namespace StockStream.Server.Transports.WebSockets.Compression;

/// <summary>The upgraded connection's stream, counting into <see cref="WireTraffic"/>: one interlocked add per read or write.</summary>
internal sealed class WireCountingStream(Stream inner, WireTraffic traffic) : Stream
{
    public override bool CanRead => inner.CanRead;
    public override bool CanSeek => false;
    public override bool CanWrite => inner.CanWrite;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        int read = inner.Read(buffer);
        traffic.AddReceived(read);
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        // An idle socket waits in a zero-byte read (the WebSocket's own, for ours): nothing to count, so no frame to keep.
        if (buffer.IsEmpty) return inner.ReadAsync(buffer, cancellationToken);
        var pending = inner.ReadAsync(buffer, cancellationToken);
        if (!pending.IsCompletedSuccessfully) return CountWhenDoneAsync(pending);
        // Reading the result consumes the inner ValueTask (Kestrel's are pooled and may be reused at once): hand on
        // the value, never the consumed task.
        int read = pending.Result;
        traffic.AddReceived(read);
        return new ValueTask<int>(read);
    }

    // Pooled: a read that completes later (an idle socket's every read) must not allocate.
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<int> CountWhenDoneAsync(ValueTask<int> pending)
    {
        int read = await pending;
        traffic.AddReceived(read);
        return read;
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        inner.Write(buffer);
        traffic.AddSent(buffer.Length);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    // Counted when handed over, so no state machine per frame; a write that then fails is counted all the same.
    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        traffic.AddSent(buffer.Length);
        return inner.WriteAsync(buffer, cancellationToken);
    }

    public override void Flush() => inner.Flush();
    public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) inner.Dispose();
        base.Dispose(disposing);
    }

    public override ValueTask DisposeAsync() => inner.DisposeAsync();
}
