namespace StockStream.Server.Market;

/// <summary>One simulated listed company and the parameters of its price walk.</summary>
/// <param name="Drift">Annualised drift μ of the geometric Brownian motion.</param>
/// <param name="Volatility">Annualised volatility σ.</param>
/// <param name="Activity">Relative share of all ticks: busy instruments have more.</param>
public sealed record Instrument(
    int Id,
    string Symbol,
    string Name,
    string Sector,
    string Exchange,
    string Currency,
    double StartPrice,
    double Drift,
    double Volatility,
    double Activity);
