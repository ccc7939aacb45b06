using System.Net;
using System.Net.Sockets;
using StockStream.LoadTests.Agents;
using StockStream.Testing;

namespace StockStream.LoadTests.Tests.Agents;

/// <summary>The agent's own HTTP endpoint: it starts while it is probed, answers its two routes and says when it cannot listen.</summary>
public sealed class AgentServerTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task ItStartsWhileProbedAndAnswersItsRoutes()
    {
        using var stop = new CancellationTokenSource();
        var url = new Uri($"http://127.0.0.1:{LoopbackPort.Free()}/");
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        // Connections knock on the port the whole time the agent starts, as a coordinator's readiness probes do. (The window
        // in which they broke HttpListener's Start is too narrow to hit on purpose; this checks that they are harmless.)
        using var knocked = new CancellationTokenSource();
        var knocking = Task.Run(async () =>
        {
            while (!knocked.IsCancellationRequested)
            {
                using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                try { await socket.ConnectAsync(IPAddress.Loopback, url.Port, knocked.Token); }
                catch (SocketException) { }
                catch (OperationCanceledException) { }
            }
        });
        var agent = Task.Run(() => new AgentServer(url.Authority, [], _ => { }).RunAsync(stop.Token));
        using var deadline = new CancellationTokenSource(Patience);
        while (!await HealthCheck.IsHealthyAsync(http, url, deadline.Token))
            Assert.False(agent.IsCompleted, $"the agent stopped while starting ({agent.Status})");
        await knocked.CancelAsync();
        await knocking;

        using (var run = await http.GetAsync(new Uri(url, "run"), deadline.Token)) Assert.Equal(HttpStatusCode.MethodNotAllowed, run.StatusCode);
        using (var other = await http.GetAsync(new Uri(url, "jobs"), deadline.Token)) Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        using (var garbage = await http.PostAsync(new Uri(url, "run"), new StringContent("{"), deadline.Token)) Assert.Equal(HttpStatusCode.BadRequest, garbage.StatusCode);
        await stop.CancelAsync();
        Assert.Equal(0, await agent.WaitAsync(Patience));
    }

    [Fact]
    public async Task APortInUseIsReportedAndEndsTheAgent()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var said = new List<string>();
        int port = ((IPEndPoint)taken.LocalEndpoint).Port;

        int exitCode = await new AgentServer($"127.0.0.1:{port}", [], said.Add).RunAsync(CancellationToken.None).WaitAsync(Patience);

        Assert.Equal(2, exitCode);
        Assert.Contains(said, line => line.StartsWith($"Could not listen on 127.0.0.1:{port}", StringComparison.Ordinal));
    }
}
