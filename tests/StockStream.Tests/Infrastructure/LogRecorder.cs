using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace StockStream.Tests.Infrastructure;

/// <summary>Records what one server logs (added to its logger factory), so a test can assert on the lines a client caused.</summary>
public sealed class LogRecorder : ILoggerProvider
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();

    public static LogRecorder AttachTo(StockStreamServer server)
    {
        var recorder = new LogRecorder();
        server.Services.GetRequiredService<ILoggerFactory>().AddProvider(recorder);
        return recorder;
    }

    public IReadOnlyList<LogEntry> Entries => [.. _entries];

    public ILogger CreateLogger(string categoryName) => new Recorder(categoryName, _entries);

    public void Dispose() { }

    private sealed class Recorder(string category, ConcurrentQueue<LogEntry> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            entries.Enqueue(new LogEntry(category, logLevel, formatter(state, exception), exception));
    }
}

/// <summary>One recorded log line.</summary>
public sealed record LogEntry(string Category, LogLevel Level, string Message, Exception? Exception);
