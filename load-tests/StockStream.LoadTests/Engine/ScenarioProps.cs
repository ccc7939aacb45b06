namespace StockStream.LoadTests.Engine;

/// <summary>A scenario's definition: name, step and load simulations (NBomber's <c>ScenarioProps</c>).</summary>
public sealed record ScenarioProps(string Name, Func<ScenarioContext, Task<Response>> Run)
{
    public IReadOnlyList<LoadSimulation> LoadSimulations { get; init; } = [];

    /// <summary>How long copies keep receiving after the measurement window closes, for ticks in flight. Default 1 s.</summary>
    public TimeSpan DrainTime { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Time from the start during which copies run but nothing is counted (JIT, connection storms). Default 0.</summary>
    public TimeSpan WarmUp { get; init; } = TimeSpan.Zero;

    public ScenarioProps WithLoadSimulations(params LoadSimulation[] simulations) => this with { LoadSimulations = simulations };

    public TimeSpan Duration => LoadSimulations.Aggregate(TimeSpan.Zero, (sum, s) => sum + s.During);

    /// <summary>The counted part of the run: its duration less the warm-up.</summary>
    public TimeSpan MeasuredDuration => Duration > WarmUp ? Duration - WarmUp : TimeSpan.Zero;

    /// <summary>The most copies any phase asks for at once.</summary>
    public int PeakCopies => LoadSimulations.Select(s => s switch
    {
        KeepConstant k => k.Copies,
        RampingConstant r => r.Copies,
        Inject i => (int)Math.Ceiling(i.Rate * Math.Min(i.SessionLength / i.Interval, i.During / i.Interval)),
        _ => 0,
    }).DefaultIfEmpty(0).Max();
}
