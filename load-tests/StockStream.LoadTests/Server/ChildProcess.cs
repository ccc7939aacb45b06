using System.Diagnostics;

namespace StockStream.LoadTests.Server;

/// <summary>
/// A process this tool started, its output copied to a log file (complete once it is disposed); killed (with its process tree) on dispose and,
/// as a last resort, when this tool exits.
/// </summary>
public sealed class ChildProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly TaskCompletionSource _outputEnded = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ChildProcess(Process process)
    {
        _process = process;
        // Last resort: however this tool ends, what it started must not outlive it.
        AppDomain.CurrentDomain.ProcessExit += KillOnExit;
    }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>
    /// Starts the process and polls <paramref name="isReady"/> until it says yes; when the process exits first, the time runs
    /// out or the start is cancelled, the process is stopped and the start fails.
    /// </summary>
    public static async Task<ChildProcess> StartAsync(ProcessStartInfo start, string logPath, string name, Func<CancellationToken, Task<bool>> isReady,
        TimeSpan timeout, CancellationToken cancellationToken)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        var child = new ChildProcess(Process.Start(start) ?? throw new InvalidOperationException($"{start.FileName} did not start."));
        child.CopyOutputTo(logPath);
        try
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(timeout);
            using var poll = new PeriodicTimer(TimeSpan.FromMilliseconds(200));
            while (await poll.WaitForNextTickAsync(deadline.Token))
            {
                if (child.HasExited) throw new InvalidOperationException($"{name} exited with code {child.ExitCode} while starting.");
                if (await isReady(deadline.Token)) return child;
            }
            throw new OperationCanceledException(deadline.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            await child.DisposeAsync();
            throw new InvalidOperationException($"{name} was not ready within {timeout.TotalSeconds:0} s.");
        }
        catch
        {
            await child.DisposeAsync();
            throw;
        }
    }

    private void CopyOutputTo(string logPath)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(logPath)!);
        var log = TextWriter.Synchronized(new StreamWriter(logPath, append: true) { AutoFlush = true });
        // The log closes once both streams have ended (a null line), not when the process exits: lines written just
        // before the exit are still being delivered then, and would be lost or written to a closed log.
        int open = 2;
        void Copy(object? sender, DataReceivedEventArgs e)
        {
            if (e.Data is not null) log.WriteLine(e.Data);
            else if (Interlocked.Decrement(ref open) == 0)
            {
                log.Dispose();
                _outputEnded.TrySetResult();
            }
        }
        _process.OutputDataReceived += Copy;
        _process.ErrorDataReceived += Copy;
        _process.EnableRaisingEvents = true;
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>Kills the process and its children at once (SIGKILL).</summary>
    public void Kill()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
    }

    private void KillOnExit(object? sender, EventArgs e)
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
    }

    public async ValueTask DisposeAsync()
    {
        AppDomain.CurrentDomain.ProcessExit -= KillOnExit;
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        }
        // Bounded: a grandchild that inherited the output would keep it open.
        await _outputEnded.Task.WaitAsync(TimeSpan.FromSeconds(5)).ContinueWith(_ => { }, TaskScheduler.Default);
        _process.Dispose();
    }
}
