using System.Diagnostics.Metrics;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace StockStream.Server.Transports.Limits;

/// <summary>
/// Answers what the server has no room (or no patience) for — a problem with <c>Retry-After</c> — and reports it: a
/// counter per reason, and one warning per <see cref="LogInterval"/> however fast refusals come, so a flood
/// cannot flood the log too.
/// </summary>
public sealed class Refusals
{
    private static readonly TimeSpan LogInterval = TimeSpan.FromSeconds(10);
    private readonly Counter<long> _refused;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly int _retryAfterSeconds;
    private long _windowStart;
    private long _inWindow;

    public Refusals(IMeterFactory meters, IOptions<ConnectionLimitsOptions> options, TimeProvider clock, ILogger<Refusals> logger)
    {
        _refused = meters.Create(ServerMeter.Name).CreateCounter<long>("stockstream.refused", "{request}",
            "Connections and requests refused for lack of room or over a client's limit.");
        _clock = clock;
        _logger = logger;
        _retryAfterSeconds = options.Value.RetryAfterSeconds;
    }

    /// <summary>503 for a stream the server has no room for.</summary>
    public ProblemHttpResult NoRoom(HttpContext context, ConnectionKind kind, string detail) =>
        Refuse(context, StatusCodes.Status503ServiceUnavailable, "Server busy", detail, _retryAfterSeconds, $"no room for {kind}");

    /// <summary>A refusal with <c>Retry-After</c>; <paramref name="reason"/> tags the counter and the log.</summary>
    public ProblemHttpResult Refuse(HttpContext context, int status, string title, string detail, int retryAfterSeconds, string reason)
    {
        Count(reason);
        context.Response.Headers.RetryAfter = retryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return TypedResults.Problem(detail: detail, statusCode: status, title: title,
            extensions: new Dictionary<string, object?> { ["retryAfter"] = retryAfterSeconds });
    }

    /// <summary>Counts and logs a refusal answered elsewhere.</summary>
    public void Count(string reason)
    {
        _refused.Add(1, new KeyValuePair<string, object?>("reason", reason));
        LimitsLog.RefusedOne(_logger, reason);
        Interlocked.Increment(ref _inWindow);
        long now = _clock.GetTimestamp();
        long start = Volatile.Read(ref _windowStart);
        if (start != 0 && _clock.GetElapsedTime(start, now) < LogInterval) return;
        if (Interlocked.CompareExchange(ref _windowStart, now, start) != start) return;
        long count = Interlocked.Exchange(ref _inWindow, 0);
        LimitsLog.Refused(_logger, count, _clock.GetUtcNow() - (start == 0 ? TimeSpan.Zero : _clock.GetElapsedTime(start, now)), reason);
    }
}
