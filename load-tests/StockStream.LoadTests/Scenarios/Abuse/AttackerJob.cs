namespace StockStream.LoadTests.Scenarios.Abuse;

/// <summary>
/// What the attackers' process is asked to run (<c>load attackers --job FILE</c>): the named attacks on the server, for one
/// phase. The process says it is ready with <see cref="ReadyFile"/>, starts when <see cref="GoFile"/> names a start time
/// (µs since the epoch, the same moment the bystanders start), and writes its <see cref="AttackerReport"/> to <see cref="ReportFile"/>.
/// </summary>
public sealed record AttackerJob
{
    public required Uri BaseAddress { get; init; }
    /// <summary>The market's symbols, in the coordinator's order.</summary>
    public required IReadOnlyList<string> Symbols { get; init; }
    public required IReadOnlyList<string> Attacks { get; init; }
    /// <summary>Prefix of the attackers' scenario names ("abuse").</summary>
    public required string Phase { get; init; }
    /// <summary>How long the attacks last, from the start: the bystanders' whole run, warm-up included.</summary>
    public required double Seconds { get; init; }
    public long ClockOffsetMicros { get; init; }
    public required string ReadyFile { get; init; }
    public required string GoFile { get; init; }
    public required string ReportFile { get; init; }
}
