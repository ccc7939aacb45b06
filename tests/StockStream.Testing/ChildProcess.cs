using System.Diagnostics;

namespace StockStream.Testing;

/// <summary>
/// A process a test or the load tool started and owns: its output kept (the latest lines, for error messages) and
/// optionally copied to a log file; killed with its process tree on dispose and, as a last resort, when this
/// process exits. Readiness is a condition polled (a port answering, <c>/healthz</c>), never a line of its output.
/// </summary>
public sealed class ChildProcess : IAsyncDisposable
{
    private const int KeptLines = 2_000;
    private static readonly TimeSpan ReadyPollInterval = TimeSpan.FromMilliseconds(100);
    private readonly Process _process;
    private readonly Queue<string> _lines = new();
    private TextWriter? _log;
    private bool _logged;

    private ChildProcess(Process process)
    {
        _process = process;
        // Last resort: however this process ends, what it started must not outlive it.
        AppDomain.CurrentDomain.ProcessExit += KillOnExit;
    }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>The latest lines it printed (stdout and stderr), for assertion and error messages.</summary>
    public string Output
    {
        get { lock (_lines) return string.Join('\n', _lines); }
    }

    /// <summary>Starts the process; its output goes to <paramref name="logPath"/> too when given.</summary>
    public static ChildProcess Start(ProcessStartInfo start, string? logPath = null)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var child = new ChildProcess(process);
        if (logPath is not null)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(logPath))!);
            child._log = new StreamWriter(logPath, append: true) { AutoFlush = true };
            child._logged = true;
        }
        process.OutputDataReceived += (_, e) => child.OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => child.OnLine(e.Data);
        if (!process.Start())
        {
            AppDomain.CurrentDomain.ProcessExit -= child.KillOnExit;
            throw new InvalidOperationException($"{start.FileName} did not start.");
        }
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>
    /// Starts the process and polls <paramref name="isReady"/> until it says yes; when the process exits first, the time
    /// runs out or the start is cancelled, the process is stopped and the start fails.
    /// </summary>
    public static async Task<ChildProcess> StartAsync(ProcessStartInfo start, string? logPath, string name, Func<CancellationToken, Task<bool>> isReady,
        TimeSpan timeout, CancellationToken cancellationToken)
    {
        var child = Start(start, logPath);
        try
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(timeout);
            using var poll = new PeriodicTimer(ReadyPollInterval);
            while (await poll.WaitForNextTickAsync(deadline.Token))
            {
                if (child.HasExited) throw new InvalidOperationException($"{name} exited with code {child.ExitCode} while starting.{child.OutputUnlessLogged()}");
                if (await isReady(deadline.Token)) return child;
            }
            throw new OperationCanceledException(deadline.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            await child.DisposeAsync();
            throw new InvalidOperationException($"{name} was not ready within {timeout.TotalSeconds:0} s.{child.OutputUnlessLogged()}");
        }
        catch
        {
            await child.DisposeAsync();
            throw;
        }
    }

    /// <summary>Waits until it exits on its own; returns its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        await _process.WaitForExitAsync().WaitAsync(timeout);
        return _process.ExitCode;
    }

    /// <summary>Kills it and its children at once (SIGKILL), as a crash would.</summary>
    public void Kill()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
    }

    /// <summary>Kills it at once, as a crash would, and waits until it is gone.</summary>
    public async Task KillAsync()
    {
        Kill();
        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
    }

    public async ValueTask DisposeAsync()
    {
        AppDomain.CurrentDomain.ProcessExit -= KillOnExit;
        await KillAsync();
        _process.Dispose();
        lock (_lines)
        {
            _log?.Dispose();
            _log = null;
        }
    }

    private void KillOnExit(object? sender, EventArgs e) => Kill();

    private void OnLine(string? line)
    {
        if (line is null) return;
        lock (_lines)
        {
            _log?.WriteLine(line);
            if (_lines.Count == KeptLines) _lines.Dequeue();
            _lines.Enqueue(line);
        }
    }

    // With a log file the caller points there; without one, the output is the only trace of what went wrong.
    private string OutputUnlessLogged() => _logged ? "" : $"\n{Output}";
}
