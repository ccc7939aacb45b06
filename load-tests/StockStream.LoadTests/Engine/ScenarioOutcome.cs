namespace StockStream.LoadTests.Engine;

/// <summary>How a scenario run went, before its measurements are turned into statistics.</summary>
public sealed record ScenarioOutcome(ScenarioProps Scenario, TimeSpan Elapsed, int CopiesStarted, MonitoredRun Monitored, bool StoppedCleanly);
