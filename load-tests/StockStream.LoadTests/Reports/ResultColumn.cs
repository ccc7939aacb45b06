using StockStream.LoadTests.Metrics;

namespace StockStream.LoadTests.Reports;

/// <summary>One column of the results: its header, the text the tables show, and the plain value CSV gets.</summary>
public sealed record ResultColumn(string Header, Func<ScenarioStats, string> Display, Func<ScenarioStats, string> Raw);
