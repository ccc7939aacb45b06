using System.Net;
using System.Text.Json;

namespace StockStream.LoadTests.Agents;

/// <summary>
/// The <c>agent</c> command: a load agent on plain HTTP. <c>GET /healthz</c> answers 200 while it is up; <c>POST /run</c> with an
/// <see cref="AgentJob"/> runs that job and answers its <see cref="AgentReport"/> (one job at a time; 409 while busy).
/// </summary>
public sealed class AgentServer(string listen, IReadOnlyList<IPAddress> sourceAddresses, Action<string> say)
{
    private int _busy;

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        using var listener = new HttpListener();
        listener.Prefixes.Add($"http://{listen}/");
        try
        {
            listener.Start();
        }
        catch (HttpListenerException e)
        {
            say($"Could not listen on {listen}: {e.Message}");
            return 2;
        }
        say($"Load agent listening on http://{listen}/ (at most {AgentRunner.MaxClients} clients)");
        await using var stopping = cancellationToken.Register(listener.Stop);
        var requests = new List<Task>();
        while (!cancellationToken.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException && cancellationToken.IsCancellationRequested)
            {
                break;
            }
            requests.Add(AnswerAsync(context, cancellationToken));
            requests.RemoveAll(t => t.IsCompleted);
        }
        await Task.WhenAll(requests).WaitAsync(TimeSpan.FromSeconds(15), CancellationToken.None).ContinueWith(_ => { }, TaskScheduler.Default);
        return 0;
    }

    private async Task AnswerAsync(HttpListenerContext context, CancellationToken cancellationToken)
    {
        var (request, response) = (context.Request, context.Response);
        try
        {
            switch (request.HttpMethod, request.Url?.AbsolutePath)
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
        catch (Exception e) when (e is HttpListenerException or IOException or ObjectDisposedException)
        {
            // the coordinator went away
        }
    }

    private async Task RunJobAsync(HttpListenerRequest request, HttpListenerResponse response, CancellationToken cancellationToken)
    {
        AgentJob? job;
        try
        {
            job = await JsonSerializer.DeserializeAsync<AgentJob>(request.InputStream, AgentJson.Options, cancellationToken);
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
            await JsonSerializer.SerializeAsync(response.OutputStream, report, AgentJson.Options, cancellationToken);
            response.Close();
            say($"  {job.Name}: {report.Counters.Ticks} ticks, {report.Counters.Errors.Values.Sum()} errors, {report.Counters.Reconnects} reconnects");
        }
        finally
        {
            Volatile.Write(ref _busy, 0);
        }
    }

    private static async Task WriteAsync(HttpListenerResponse response, int status, string text)
    {
        response.StatusCode = status;
        response.ContentType = "text/plain";
        var bytes = System.Text.Encoding.UTF8.GetBytes(text);
        await response.OutputStream.WriteAsync(bytes);
        response.Close();
    }
}
