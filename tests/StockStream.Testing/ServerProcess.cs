using System.Diagnostics;

namespace StockStream.Testing;

/// <summary>
/// The StockStream server in a process of its own on a loopback address, so it can be killed as a crash would; ready
/// once <c>/healthz</c> answers 200 (it listens only after joining its backplane). Stopped with its process tree on dispose.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly ChildProcess _process;

    private ServerProcess(ChildProcess process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>Its latest output lines, for assertion messages.</summary>
    public string Output => _process.Output;

    /// <summary>
    /// Runs <paramref name="start"/> (which must make the server listen on <paramref name="baseAddress"/>, e.g. with
    /// <see cref="Arguments"/>) and waits until it is healthy.
    /// </summary>
    public static async Task<ServerProcess> StartAsync(ProcessStartInfo start, Uri baseAddress, string? logPath, TimeSpan timeout,
        CancellationToken cancellationToken = default)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var process = await ChildProcess.StartAsync(start, logPath, "The server", ct => HealthCheck.IsHealthyAsync(http, baseAddress, ct), timeout, cancellationToken);
        return new ServerProcess(process, baseAddress);
    }

    /// <summary>A free loopback address to listen on.</summary>
    public static Uri FreeAddress() => new($"http://127.0.0.1:{LoopbackPort.Free()}/");

    /// <summary>ASP.NET Core command-line arguments: <c>--urls</c> for <paramref name="baseAddress"/>, then <c>--Key=value</c> per setting.</summary>
    public static IEnumerable<string> Arguments(Uri baseAddress, IEnumerable<KeyValuePair<string, string?>> settings) =>
        [$"--urls={baseAddress.GetLeftPart(UriPartial.Authority)}", .. settings.Select(s => $"--{s.Key}={s.Value}")];

    /// <summary>Kills it at once (SIGKILL), as a crash would: no close frames, no lease released.</summary>
    public void Kill() => _process.Kill();

    /// <inheritdoc cref="Kill"/>
    public Task KillAsync() => _process.KillAsync();

    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
