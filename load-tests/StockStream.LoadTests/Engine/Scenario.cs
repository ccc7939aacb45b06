namespace StockStream.LoadTests.Engine;

/// <summary>Entry point for defining scenarios, as NBomber's <c>Scenario.Create(name, run)</c>.</summary>
public static class Scenario
{
    /// <summary>A scenario whose copies each run <paramref name="run"/> (one session: connect, stream until cancelled) again and again.</summary>
    public static ScenarioProps Create(string name, Func<ScenarioContext, Task<Response>> run) => new(name, run);
}
