namespace StockStream.LoadTests.Transports;

/// <summary>How a dropped client waits before each reconnect: a random share of a delay that doubles per failure, so a node's clients do not all come back at once.</summary>
public sealed record ReconnectPolicy
{
    /// <summary>Delay before the first reconnect, of which a random 0–100 % is waited. Default 250 ms.</summary>
    public TimeSpan FirstDelay { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>The longest delay. Default 5 s.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(5);

    public TimeSpan DelayBefore(int failedAttempts)
    {
        double cap = Math.Min(MaxDelay.TotalMilliseconds, FirstDelay.TotalMilliseconds * Math.Pow(2, Math.Min(failedAttempts, 16)));
        return TimeSpan.FromMilliseconds(cap * Random.Shared.NextDouble());
    }
}
