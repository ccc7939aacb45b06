using System.ComponentModel.DataAnnotations;
using StockStream.Protocol;

namespace StockStream.Server.Market;

/// <summary>The simulated market: its instruments, tick rate and price dynamics.</summary>
public sealed class MarketOptions
{
    public const string SectionName = "Market";

    /// <summary>Seed of instruments and tick sequence; the same seed reproduces both. Default 42.</summary>
    public int Seed { get; set; } = 42;

    /// <summary>Number of instruments. Default 50.</summary>
    [Range(1, 20_000)]
    public int Symbols { get; set; } = 50;

    /// <summary>Ticks per second over all instruments (Poisson arrivals). Default 200.</summary>
    [Range(0.001, 1_000_000)]
    public double TicksPerSecond { get; set; } = 200;

    /// <summary>Price increment every price is rounded to. Default 0.01.</summary>
    [Range(0.0001, 100)]
    public double TickSize { get; set; } = 0.01;

    /// <summary>How much faster than real time prices evolve (1 = real time; the default 500 makes charts move visibly).</summary>
    [Range(1, 1_000_000)]
    public double TimeScale { get; set; } = 500;

    /// <summary>Correlation of each instrument with its sector's common factor, 0–1. Default 0.5.</summary>
    [Range(0, 1)]
    public double SectorCorrelation { get; set; } = 0.5;

    /// <summary>
    /// How often due ticks are published as one batch, in milliseconds. Default 1: a tick waits at most this long for
    /// its batch; fan-out batches under pressure by itself (docs/latency.md), so a longer interval only adds latency.
    /// </summary>
    [Range(1, 1000)]
    public int PublishIntervalMs { get; set; } = 1;

    /// <summary>Market state at start. Default Open.</summary>
    public MarketState InitialState { get; set; } = MarketState.Open;
}
