using System.Globalization;

namespace StockStream.LoadTests.Scenarios;

/// <summary>One row of the grid: clients × symbols each @ generator ticks/s.</summary>
public sealed record GridPoint(int Clients, int Symbols, double Rate)
{
    public string Name => string.Create(CultureInfo.InvariantCulture, $"{Clients}x{Symbols}@{Rate}");

    public string Description => string.Create(CultureInfo.InvariantCulture, $"{Clients:N0} × {Symbols} @ {Rate:N0}");

    /// <summary>Clients connect over this long first, so a big point does not open thousands of sockets in one burst.</summary>
    public TimeSpan RampUp => TimeSpan.FromSeconds(Clients >= 2_000 ? Math.Ceiling(Clients / 1_000.0) : 0);
}
