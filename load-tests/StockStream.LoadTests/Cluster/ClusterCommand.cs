using System.CommandLine;
using StockStream.LoadTests.Cli;
using StockStream.LoadTests.Server;

namespace StockStream.LoadTests.Cluster;

/// <summary>The <c>cluster</c> command: <c>npm run cluster</c> (3 nodes behind HAProxy on http://localhost:5000).</summary>
public static class ClusterCommand
{
    public const int DefaultNodes = 3;

    public static Command Create(CommandLineOptions shared, TextWriter output)
    {
        var port = CheckedOption.Whole("--port", "Port of the balancer on localhost", 5000, 1, 65535);
        var noRestart = new Option<bool>("--no-restart") { Description = "Leave a node that dies down instead of starting it again" };
        var command = new Command("cluster", $"Redis, {DefaultNodes} nodes (--nodes) and HAProxy in front of them on http://localhost:5000, until Ctrl+C: a node that dies leaves the others serving")
        {
            port,
            noRestart,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var run = shared.Read(result);
            var options = new ClusterOptions
            {
                Nodes = result.GetResult(shared.Nodes) is null or { Implicit: true } ? DefaultNodes : run.Nodes,
                Port = result.GetValue(port),
                RestartNodes = !result.GetValue(noRestart),
                Server = new ServerSettings
                {
                    TicksPerSecond = run.TicksPerSecond,
                    Symbols = run.MarketSymbols,
                    // The balancer's X-Forwarded-For names the client, so per-client limits apply to clients, not to the balancer.
                    ExtraArguments = ["--ClientLimits:KnownProxies:0=127.0.0.1", .. run.ServerArguments],
                    EnvironmentVariables = run.ServerEnvironment,
                },
                LogFolder = Path.Combine(ReportFolder.Root(run), $"{DateTime.UtcNow:yyyyMMdd-HHmmss}-cluster"),
            };
            return await new ClusterSupervisor(options, line => output.WriteLine(line)).RunAsync(cancellationToken);
        });
        return command;
    }
}
