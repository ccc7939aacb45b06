namespace StockStream.LoadTests.Scenarios;

/// <summary>How a slow consumer misbehaves: it reads for <see cref="PauseAfter"/>, then stops for <see cref="PauseFor"/>, through a small socket buffer.</summary>
public sealed record SlowReading(TimeSpan PauseAfter, TimeSpan PauseFor, int ReceiveBufferBytes);
