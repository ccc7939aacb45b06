namespace StockStream.Tests.Architecture;

/// <summary>
/// The server's data path as docs/architecture.md draws it: Market -> Backplane -> Streaming -> Transports -> Hosting.
/// A stage may use the types of the stages before it, and of the next stage only its contract (the namespace named
/// here). Within Transports, each transport is on its own: what several share lives in a shared module.
/// </summary>
public static class Drawing
{
    public const string Root = "StockStream.Server";

    /// <summary>The stages in data-flow order.</summary>
    public static readonly string[] Stages = ["Market", "Backplane", "Streaming", "Transports", "Hosting"];

    /// <summary>The namespace of a stage that the stage before it may use: its contract.</summary>
    public static readonly IReadOnlyDictionary<string, string> Contracts = new Dictionary<string, string>
    {
        ["Backplane"] = $"{Root}.Backplane",
    };

    /// <summary>Modules of Transports that every transport may use; any other is one transport, private to itself.</summary>
    public static readonly string[] SharedTransportModules = [$"{Root}.Transports", $"{Root}.Transports.Http", $"{Root}.Transports.Limits"];

    /// <summary>The stage a namespace belongs to; null for the root namespace (shared by all) and for other code.</summary>
    public static string? StageOf(string ns)
    {
        if (!ns.StartsWith(Root + ".", StringComparison.Ordinal)) return null;
        string first = ns[(Root.Length + 1)..].Split('.')[0];
        return Array.IndexOf(Stages, first) >= 0 ? first : null;
    }

    /// <summary>Why <paramref name="from"/> may not use <paramref name="to"/>, or null when it may.</summary>
    public static string? Forbids(string from, string to)
    {
        string? fromStage = StageOf(from), toStage = StageOf(to);
        if (fromStage is null || toStage is null) return null;
        int i = Array.IndexOf(Stages, fromStage), j = Array.IndexOf(Stages, toStage);
        if (i == j) return fromStage == "Transports" ? ForbidsWithinTransports(from, to) : null;
        if (j < i) return null;
        if (j == i + 1 && Contracts.TryGetValue(toStage, out string? contract) && to == contract) return null;
        return j == i + 1 && Contracts.ContainsKey(toStage)
            ? $"{fromStage} may use only {Contracts[toStage]} of {toStage} (its contract), not {to}"
            : $"{fromStage} comes before {toStage} in the data path and may not use it";
    }

    private static string? ForbidsWithinTransports(string from, string to)
    {
        string fromModule = TransportModuleOf(from), toModule = TransportModuleOf(to);
        if (fromModule == toModule || SharedTransportModules.Contains(toModule)) return null;
        return SharedTransportModules.Contains(fromModule)
            ? $"the shared module {from} may not use the transport {to}"
            : $"the transport {from} may not use another transport, {to}: move what they share to a shared module";
    }

    /// <summary>The transport or shared module a namespace of Transports belongs to: a transport's sub-namespaces are its own.</summary>
    private static string TransportModuleOf(string ns)
    {
        string[] parts = ns.Split('.');
        int depth = Root.Split('.').Length + 2;
        return parts.Length <= depth ? ns : string.Join('.', parts[..depth]);
    }
}
