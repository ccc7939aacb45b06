using System.Net;
using StockStream.LoadTests.Engine;

namespace StockStream.LoadTests.Scenarios.Abuse;

/// <summary>
/// One kind of abuse, from a loopback address of its own: how its copies are started (constant or injected at a rate,
/// so every attack is bounded in count and time) and what each copy does, as a scenario of the engine.
/// </summary>
public sealed record Attack(string Name, string Description, IPAddress Source, Func<TimeSpan, IReadOnlyList<LoadSimulation>> Load,
    Func<AttackTarget, Func<ScenarioContext, Task<Response>>> Session)
{
    /// <summary>Receive buffer of this attack's sockets, bytes; null leaves it to the kernel. Small for clients that stop reading.</summary>
    public int? ReceiveBufferBytes { get; init; }

    /// <summary>Copies held at once for <paramref name="copies"/> constant ones, reached over the first seconds so the handshakes are not one burst.</summary>
    public static Func<TimeSpan, IReadOnlyList<LoadSimulation>> Constant(int copies) => during =>
    [
        Simulation.RampingConstant(copies, TimeSpan.FromSeconds(Math.Min(3, during.TotalSeconds / 4))),
        Simulation.KeepConstant(copies, during - TimeSpan.FromSeconds(Math.Min(3, during.TotalSeconds / 4))),
    ];

    /// <summary><paramref name="perSecond"/> sessions started a second (in tenths of a second), each at most <paramref name="sessionLength"/>.</summary>
    public static Func<TimeSpan, IReadOnlyList<LoadSimulation>> Injected(int perSecond, TimeSpan sessionLength) => during =>
        [Simulation.Inject(Math.Max(1, perSecond / 10), TimeSpan.FromMilliseconds(100), during, sessionLength)];
}
