using StockStream.LoadTests.Metrics;

namespace StockStream.LoadTests.Engine;

/// <summary>What one copy of a scenario gets, as NBomber's <c>IScenarioContext</c>: its number, the shared measurements, and when to stop.</summary>
public sealed class ScenarioContext(int instanceNumber, ScenarioMeasurements measurements, CancellationToken cancellationToken)
{
    /// <summary>0-based number of this copy; picks its symbols.</summary>
    public int InstanceNumber { get; } = instanceNumber;

    public ScenarioMeasurements Measurements { get; } = measurements;

    /// <summary>Cancelled when this copy must stop: at the end of the run or of its injected session.</summary>
    public CancellationToken CancellationToken { get; } = cancellationToken;
}
