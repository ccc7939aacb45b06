using Microsoft.Extensions.Options;

namespace StockStream.Server.Transports.Sse;

/// <summary>Counts open streams against <see cref="SseOptions.MaxConnections"/>.</summary>
public sealed class SseConnectionLimiter(IOptions<SseOptions> options)
{
    private int _open;

    /// <summary>A lease to dispose when the stream ends, or null when the limit is reached.</summary>
    public IDisposable? TryEnter()
    {
        if (Interlocked.Increment(ref _open) <= options.Value.MaxConnections) return new Lease(this);
        Interlocked.Decrement(ref _open);
        return null;
    }

    private sealed class Lease(SseConnectionLimiter owner) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0) Interlocked.Decrement(ref owner._open);
        }
    }
}
