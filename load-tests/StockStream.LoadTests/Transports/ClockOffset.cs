namespace StockStream.LoadTests.Transports;

/// <summary>Server clock minus client clock, µs, from the best of <see cref="Samples"/> Ping/Pong round trips.</summary>
public sealed record ClockOffset(long OffsetMicros, long RoundTripMicros, int Samples);
