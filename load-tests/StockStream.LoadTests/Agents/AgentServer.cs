using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace StockStream.LoadTests.Agents;

/// <summary>
/// The <c>agent</c> command: a load agent on plain HTTP. <c>GET /healthz</c> answers 200 while it is up; <c>POST /run</c> with an
/// <see cref="AgentJob"/> runs that job and answers its <see cref="AgentReport"/> (one job at a time; 409 while busy). It is served
/// by Kestrel: the managed <c>HttpListener</c> of Linux throws out of <c>Start</c> when a connection arrives while it starts
/// (dotnet/corefx#35191), which the coordinator's readiness probes did.
/// </summary>
public sealed class AgentServer(string listen, IReadOnlyList<IPAddress> sourceAddresses, Action<string> say)
{
    /// <summary>How long a stopping agent lets a running job finish its answer.</summary>
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(15);

    private int _busy;

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        // The empty builder reads no configuration files or environment and logs nothing: the agent's output is its own.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().UseUrls($"http://{listen}");
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = StopGrace);
        await using var app = builder.Build();
        app.Run(context => AnswerAsync(context, cancellationToken));
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch (IOException e)
        {
            say($"Could not listen on {listen}: {e.Message}");
            return 2;
        }
        say($"Load agent listening on http://{listen}/ (at most {AgentRunner.MaxClients} clients)");
        // Until asked to stop; the stop then gives a running job StopGrace to finish its answer.
        await app.WaitForShutdownAsync(cancellationToken);
        return 0;
    }

    private async Task AnswerAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var (request, response) = (context.Request, context.Response);
        try
        {
            switch (request.Method, request.Path.Value)
            {
                case ("GET", "/healthz"):
                    await WriteAsync(response, 200, "ready");
                    break;
                case ("POST", "/run"):
                    await RunJobAsync(request, response, cancellationToken);
                    break;
                case (_, "/healthz" or "/run"):
                    await WriteAsync(response, 405, "method not allowed");
                    break;
                default:
                    await WriteAsync(response, 404, "not found: GET /healthz or POST /run");
                    break;
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException && context.RequestAborted.IsCancellationRequested)
        {
            // the coordinator went away
        }
    }

    private async Task RunJobAsync(HttpRequest request, HttpResponse response, CancellationToken cancellationToken)
    {
        AgentJob? job;
        try
        {
            job = await JsonSerializer.DeserializeAsync<AgentJob>(request.Body, AgentJson.Options, cancellationToken);
        }
        catch (JsonException e)
        {
            await WriteAsync(response, 400, $"not a job: {e.Message}");
            return;
        }
        if (job is null || job.Load.Count == 0 || job.Entrances.Count == 0 || job.Symbols.Count == 0)
        {
            await WriteAsync(response, 400, "a job needs entrances, symbols and at least one load phase");
            return;
        }
        if (job.Load.Max(p => p.Copies) > AgentRunner.MaxClients)
        {
            await WriteAsync(response, 400, $"one agent holds at most {AgentRunner.MaxClients} clients; use more agents");
            return;
        }
        if (Interlocked.Exchange(ref _busy, 1) == 1)
        {
            await WriteAsync(response, 409, "busy with another job");
            return;
        }
        try
        {
            say($"Running {job.Name}: {job.Load.Max(p => p.Copies)} clients from #{job.FirstInstance}");
            var report = await AgentRunner.RunAsync(job, sourceAddresses, cancellationToken);
            response.StatusCode = 200;
            response.ContentType = "application/json";
            await JsonSerializer.SerializeAsync(response.Body, report, AgentJson.Options, cancellationToken);
            say($"  {job.Name}: {report.Counters.Ticks} ticks, {report.Counters.Errors.Values.Sum()} errors, {report.Counters.Reconnects} reconnects");
        }
        finally
        {
            Volatile.Write(ref _busy, 0);
        }
    }

    private static Task WriteAsync(HttpResponse response, int status, string text)
    {
        response.StatusCode = status;
        response.ContentType = "text/plain; charset=utf-8";
        return response.WriteAsync(text);
    }
}
