using StockStream.LoadTests.Engine;
using StockStream.LoadTests.Transports;

namespace StockStream.LoadTests.Agents;

/// <summary>What a coordinator asks one agent to run: its share of a scenario's clients, on a shared clock.</summary>
public sealed record AgentJob
{
    public required string Name { get; init; }
    public required TransportKind Kind { get; init; }
    /// <summary>Where the clients connect (nodes or balancers).</summary>
    public required IReadOnlyList<Uri> Entrances { get; init; }
    /// <summary>The market's symbols, in the coordinator's order: symbol numbers mean the same everywhere.</summary>
    public required IReadOnlyList<string> Symbols { get; init; }
    public required int SymbolsPerClient { get; init; }
    /// <summary>Number of this agent's first client: its clients continue the numbers of the agents before it.</summary>
    public required int FirstInstance { get; init; }
    /// <summary>This agent's share of each load phase.</summary>
    public required IReadOnlyList<AgentPhase> Load { get; init; }
    public double WarmUpSeconds { get; init; }
    /// <summary>How long clients keep reading after the window closes, for ticks in flight.</summary>
    public double DrainSeconds { get; init; } = 1;
    /// <summary>When to start, µs since the epoch: every agent starts its load at the same moment.</summary>
    public required long StartAtMicros { get; init; }
    /// <summary>The measurement window, µs (server clock): every agent counts the same ticks.</summary>
    public required long WindowStartMicros { get; init; }
    public required long WindowEndMicros { get; init; }
    public long ClockOffsetMicros { get; init; }
    /// <summary>Clients reconnect and resume after a drop.</summary>
    public bool Reconnect { get; init; }
    /// <summary>Local addresses the clients connect from; none for the agent's own choice.</summary>
    public IReadOnlyList<string> SourceAddresses { get; init; } = [];

    public IReadOnlyList<LoadSimulation> LoadSimulations() => [.. Load.Select(p => p.ToSimulation())];
}

/// <summary>One load phase of an agent's share: constant or ramping to <see cref="Copies"/> clients for <see cref="Seconds"/>.</summary>
public sealed record AgentPhase(bool Ramp, int Copies, double Seconds)
{
    public LoadSimulation ToSimulation() => Ramp
        ? Simulation.RampingConstant(Copies, TimeSpan.FromSeconds(Seconds))
        : Simulation.KeepConstant(Copies, TimeSpan.FromSeconds(Seconds));

    /// <summary>Agent <paramref name="agent"/>'s share of <paramref name="simulation"/> among <paramref name="agents"/>; null for a phase agents cannot share.</summary>
    public static AgentPhase? Share(LoadSimulation simulation, int agent, int agents) => simulation switch
    {
        KeepConstant k => new(false, Part(k.Copies, agent, agents), k.During.TotalSeconds),
        RampingConstant r => new(true, Part(r.Copies, agent, agents), r.During.TotalSeconds),
        _ => null,
    };

    public static int Part(int total, int agent, int agents) => total / agents + (agent < total % agents ? 1 : 0);
}
