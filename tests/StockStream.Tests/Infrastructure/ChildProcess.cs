using System.Diagnostics;

namespace StockStream.Tests.Infrastructure;

/// <summary>
/// A process the test starts and owns, whose output lines can be awaited as events ("ready", "took the lease").
/// Disposing kills it if it still runs.
/// </summary>
public sealed class ChildProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<string> _lines = [];
    private readonly List<(Func<string, bool> Match, int Occurrence, TaskCompletionSource Seen)> _waiters = [];

    private ChildProcess(Process process) => _process = process;

    public static ChildProcess Start(string fileName, IEnumerable<string> arguments, string? workingDirectory = null,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(fileName, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var child = new ChildProcess(process);
        process.OutputDataReceived += (_, e) => child.OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => child.OnLine(e.Data);
        process.Exited += (_, _) => child.OnExited();
        if (!process.Start()) throw new InvalidOperationException($"{fileName} did not start.");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>Everything it printed so far, for assertion messages.</summary>
    public string Output
    {
        get { lock (_lines) return string.Join('\n', _lines); }
    }

    /// <summary>Completes when the <paramref name="occurrence"/>-th line containing <paramref name="text"/> has been printed.</summary>
    public async Task WaitForLineAsync(string text, TimeSpan timeout, int occurrence = 1)
    {
        Task seen;
        lock (_lines)
        {
            if (_lines.Count(line => line.Contains(text, StringComparison.Ordinal)) >= occurrence) return;
            var waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((line => line.Contains(text, StringComparison.Ordinal), occurrence, waiter));
            seen = waiter.Task;
        }
        try
        {
            await seen.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"'{text}' (#{occurrence}) not printed within {timeout.TotalSeconds} s by {_process.StartInfo.FileName}:\n{Output}");
        }
    }

    /// <summary>How many lines so far contain <paramref name="text"/>.</summary>
    public int CountLines(string text)
    {
        lock (_lines) return _lines.Count(line => line.Contains(text, StringComparison.Ordinal));
    }

    /// <summary>Waits until it exits on its own; returns its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        await _process.WaitForExitAsync().WaitAsync(timeout);
        return _process.ExitCode;
    }

    /// <summary>Kills it at once, as a crash would (SIGKILL), and waits until it is gone.</summary>
    public async Task KillAsync()
    {
        if (_process.HasExited) return;
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    private void OnLine(string? line)
    {
        if (line is null) return;
        lock (_lines)
        {
            _lines.Add(line);
            foreach (var waiter in _waiters.ToArray())
            {
                if (waiter.Match(line) && _lines.Count(waiter.Match) >= waiter.Occurrence)
                {
                    _waiters.Remove(waiter);
                    waiter.Seen.TrySetResult();
                }
            }
        }
    }

    private void OnExited()
    {
        lock (_lines)
        {
            foreach (var waiter in _waiters) waiter.Seen.TrySetException(new InvalidOperationException($"{_process.StartInfo.FileName} exited:\n{string.Join('\n', _lines)}"));
            _waiters.Clear();
        }
    }
}
