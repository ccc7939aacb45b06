using System.Diagnostics;
using StockStream.Testing;

namespace StockStream.LoadTests.Server;

/// <summary>
/// An <c>haproxy</c> from PATH (Debian: <c>apt-get install haproxy</c>) balancing the nodes, started with a configuration written
/// into the log folder; ready once <c>/healthz</c> answers 200 through it; stopped on dispose.
/// </summary>
public sealed class HaProxyBalancer : IAsyncDisposable
{
    public const string Executable = "haproxy";

    private readonly ChildProcess _process;

    private HaProxyBalancer(ChildProcess process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    /// <summary>Where clients connect: the first address it listens on.</summary>
    public Uri BaseAddress { get; }

    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>Valid once it has exited: 128 + the signal's number when a signal ended it.</summary>
    public int ExitCode => _process.ExitCode;

    /// <summary>Where <c>haproxy</c> is: on PATH or in /usr/sbin (not on every user's PATH); null when it is not installed.</summary>
    public static string? Find() => Testing.Executable.Find(Executable, "/usr/sbin");

    public static string NotInstalled => $"{Executable} is not installed; install it (e.g. sudo apt-get install haproxy) to put a balancer in front of the nodes.";

    /// <param name="name">Names the configuration and log files (e.g. <c>balancer</c>, <c>balancer-2</c>).</param>
    public static async Task<HaProxyBalancer> StartAsync(HaProxyConfig config, string logFolder, string name, TimeSpan startTimeout, CancellationToken cancellationToken)
    {
        var executable = Find() ?? throw new InvalidOperationException(NotInstalled);
        Directory.CreateDirectory(logFolder);
        var configPath = Path.Combine(logFolder, $"{name}.cfg");
        await File.WriteAllTextAsync(configPath, config.Render(), cancellationToken);
        // -db: stay in the foreground, so this tool owns the process and its log.
        var start = new ProcessStartInfo(executable, ["-db", "-f", configPath]) { WorkingDirectory = logFolder };
        var baseAddress = new Uri($"http://{config.Listen[0]}/");
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var process = await ChildProcess.StartAsync(start, Path.Combine(logFolder, $"{name}.log"), Executable,
            ct => HealthCheck.IsHealthyAsync(http, baseAddress, ct), startTimeout, cancellationToken);
        return new HaProxyBalancer(process, baseAddress);
    }

    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
