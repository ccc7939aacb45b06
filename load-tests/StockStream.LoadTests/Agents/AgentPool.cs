using System.Diagnostics;
using System.Net.Http.Json;
using StockStream.LoadTests.Server;
using StockStream.Testing;

namespace StockStream.LoadTests.Agents;

/// <summary>
/// The load agents a coordinator hands its clients to: agent processes started here (<c>--agents N</c>, each on a loopback port and
/// connecting from its own 127.0.0.x so ports do not run out), or agents already running elsewhere (<c>--agent-url</c>).
/// </summary>
public sealed class AgentPool : IAsyncDisposable
{
    private readonly List<ChildProcess> _processes;
    private readonly HttpClient _http = new() { Timeout = Timeout.InfiniteTimeSpan };

    private AgentPool(IReadOnlyList<Uri> agents, List<ChildProcess> processes, IReadOnlyList<string> sourceAddresses)
    {
        Agents = agents;
        _processes = processes;
        SourceAddresses = sourceAddresses;
    }

    public IReadOnlyList<Uri> Agents { get; }

    /// <summary>Per agent, the local address its clients connect from; empty for remote agents (they choose).</summary>
    public IReadOnlyList<string> SourceAddresses { get; }

    public IReadOnlyList<int> ProcessIds => [.. _processes.Select(p => p.Id)];

    public static AgentPool Remote(IReadOnlyList<Uri> agents) => new(agents, [], []);

    public static async Task<AgentPool> StartLocalAsync(int count, string logFolder, Action<string> say, CancellationToken cancellationToken)
    {
        var processes = new List<ChildProcess>();
        var agents = new List<Uri>();
        try
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
            var tool = typeof(AgentPool).Assembly.Location;
            await Task.WhenAll(Enumerable.Range(0, count).Select(async i =>
            {
                var url = new Uri($"http://127.0.0.1:{LoopbackPort.Free()}/");
                var start = new ProcessStartInfo("dotnet", [tool, "agent", "--listen", url.Authority, "--source-address", SourceAddress(i)]);
                var process = await ChildProcess.StartAsync(start, Path.Combine(logFolder, $"agent-{i + 1}.log"), $"Agent {i + 1}",
                    ct => HealthCheck.IsHealthyAsync(http, url, ct), TimeSpan.FromSeconds(60), cancellationToken);
                lock (processes)
                {
                    processes.Add(process);
                    agents.Add(url);
                }
            }));
            say($"{count} load agents started: {string.Join(", ", agents)}");
            return new AgentPool(agents, processes, [.. Enumerable.Range(0, count).Select(SourceAddress)]);
        }
        catch
        {
            foreach (var process in processes) await process.DisposeAsync();
            throw;
        }
    }

    /// <summary>Agent i's clients connect from 127.0.0.(10 + i): each agent its own 28,000 ephemeral ports per destination.</summary>
    public static string SourceAddress(int agent) => $"127.0.0.{10 + agent}";

    /// <summary>Runs each job on its agent at once; fails when any agent does.</summary>
    public async Task<IReadOnlyList<AgentReport>> RunAsync(IReadOnlyList<AgentJob> jobs, CancellationToken cancellationToken) =>
        await Task.WhenAll(jobs.Select((job, i) => RunAsync(Agents[i], job, cancellationToken)));

    private async Task<AgentReport> RunAsync(Uri agent, AgentJob job, CancellationToken cancellationToken)
    {
        using var response = await _http.PostAsJsonAsync(new Uri(agent, "run"), job, AgentJson.Options, cancellationToken);
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"Agent {agent} refused the job: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}");
        return await response.Content.ReadFromJsonAsync<AgentReport>(AgentJson.Options, cancellationToken)
            ?? throw new InvalidOperationException($"Agent {agent} answered no report.");
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        foreach (var process in _processes) await process.DisposeAsync();
    }
}
