using System.Globalization;

namespace StockStream.LoadTests.Server;

/// <summary>How the load test configures a server it starts itself; passed as ASP.NET Core <c>--Key=value</c> arguments.</summary>
public sealed record ServerSettings
{
    /// <summary>Ticks the market generates per second, over all symbols. Default 200.</summary>
    public double TicksPerSecond { get; init; } = 200;

    /// <summary>Symbols the market simulates. Default 50.</summary>
    public int Symbols { get; init; } = 50;

    /// <summary>Random seed of the market. Default 42.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Most WebSocket connections the server accepts. Default 50000.</summary>
    public int MaxConnections { get; init; } = 50_000;

    /// <summary>Most symbols one connection or request may hold. Default 100.</summary>
    public int MaxSymbols { get; init; } = 100;

    /// <summary>StackExchange.Redis configuration of the backplane the node joins; null keeps the server's in-process one. Default null.</summary>
    public string? Redis { get; init; }

    /// <summary>Further <c>--Key=value</c> arguments, e.g. WebSocket:MaxPendingTicks. Default none.</summary>
    public IReadOnlyList<string> ExtraArguments { get; init; } = [];

    /// <summary>Environment variables (<c>NAME=value</c>) of the server process, e.g. a runtime setting such as DOTNET_GCgen0size. Default none.</summary>
    public IReadOnlyList<string> EnvironmentVariables { get; init; } = [];

    public IEnumerable<string> ToArguments(Uri url)
    {
        yield return "--urls";
        yield return url.GetLeftPart(UriPartial.Authority);
        yield return Setting("Market:TicksPerSecond", TicksPerSecond);
        yield return Setting("Market:Symbols", Symbols);
        yield return Setting("Market:Seed", Seed);
        yield return Setting("WebSocket:MaxConnections", MaxConnections);
        yield return Setting("Streaming:MaxSymbols", MaxSymbols);
        // Every load client, and a balancer in front of the nodes, connects from loopback: per-address limits would
        // refuse the load itself. Servers the tool only targets (--url) keep their limits.
        yield return "--ClientLimits:ExemptLoopback=true";
        // The server's own lines (start, address, warnings, refusals) go to server.log; ASP.NET Core's per-request ones
        // would cost the server more than the load test measures.
        yield return "--Logging:LogLevel:Default=Information";
        yield return "--Logging:LogLevel:Microsoft.AspNetCore=Warning";
        yield return "--Logging:LogLevel:Microsoft.AspNetCore.Hosting.Diagnostics=None";
        if (Redis is not null)
        {
            yield return "--Backplane:Kind=Redis";
            yield return $"--Backplane:Redis={Redis}";
        }
        foreach (var argument in ExtraArguments) yield return argument;
    }

    private static string Setting(string key, IFormattable value) => $"--{key}={value.ToString(null, CultureInfo.InvariantCulture)}";
}
