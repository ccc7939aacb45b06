namespace StockStream.LoadTests.Reports;

/// <summary>One named line of a chart.</summary>
public sealed record ChartSeries(string Name, IReadOnlyList<(double X, double Y)> Points);
