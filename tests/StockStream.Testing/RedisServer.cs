using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace StockStream.Testing;

/// <summary>
/// A <c>redis-server</c> of its own on a free loopback port, its data and <c>redis.log</c> in one folder; ready once it
/// answers <c>PING</c>. With persistence it writes an append-only file, so a restart keeps the stream (as a production
/// Redis would); without, its state lives as long as the process. Stopped on dispose.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    public const string ExecutableName = "redis-server";

    private readonly string _folder;
    private readonly bool _ownsFolder;
    private readonly bool _persistent;
    private readonly TimeSpan _startTimeout;
    private ChildProcess? _process;

    private RedisServer(string folder, bool ownsFolder, bool persistent, TimeSpan startTimeout)
    {
        (_folder, _ownsFolder, _persistent, _startTimeout) = (folder, ownsFolder, persistent, startTimeout);
    }

    public int Port { get; } = LoopbackPort.Free();

    public int ProcessId => _process?.Id ?? 0;

    /// <summary>The StackExchange.Redis configuration string nodes are given.</summary>
    public string Configuration => $"127.0.0.1:{Port}";

    /// <summary>Where <c>redis-server</c> is on PATH; null when it is not installed.</summary>
    public static string? Find() => Executable.Find(ExecutableName);

    public static string NotInstalled =>
        $"{ExecutableName} is not on PATH; install it (e.g. sudo apt-get install redis-server; .ci/run does) to run nodes over Redis.";

    /// <param name="folder">Where its data and log go; null for a temporary folder, deleted on dispose.</param>
    /// <param name="persistent">Write an append-only file (fsync always), so <see cref="RestartAsync"/> keeps the data.</param>
    public static async Task<RedisServer> StartAsync(string? folder = null, bool persistent = false, TimeSpan? startTimeout = null,
        CancellationToken cancellationToken = default)
    {
        if (Find() is null) throw new InvalidOperationException(NotInstalled);
        var redis = folder is null
            ? new RedisServer(Directory.CreateTempSubdirectory("stockstream-redis-").FullName, ownsFolder: true, persistent, startTimeout ?? TimeSpan.FromSeconds(20))
            : new RedisServer(Directory.CreateDirectory(folder).FullName, ownsFolder: false, persistent, startTimeout ?? TimeSpan.FromSeconds(20));
        try
        {
            await redis.RestartAsync(cancellationToken);
            return redis;
        }
        catch
        {
            await redis.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts it (again, on the same port and data) and waits until it answers.</summary>
    public async Task RestartAsync(CancellationToken cancellationToken = default)
    {
        var start = new ProcessStartInfo(Find() ?? throw new InvalidOperationException(NotInstalled)) { WorkingDirectory = _folder };
        string[] arguments = ["--port", $"{Port}", "--bind", "127.0.0.1", "--save", "", "--dir", _folder,
            .. _persistent ? (string[])["--appendonly", "yes", "--appendfsync", "always"] : ["--appendonly", "no"]];
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        _process = await ChildProcess.StartAsync(start, Path.Combine(_folder, "redis.log"), ExecutableName, AnswersPingAsync, _startTimeout, cancellationToken);
    }

    /// <summary>Kills it as a crash would.</summary>
    public Task KillAsync() => _process?.KillAsync() ?? Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (_process is not null) await _process.DisposeAsync();
        if (_ownsFolder) Directory.Delete(_folder, recursive: true);
    }

    /// <summary>True when Redis answers <c>PING</c> with <c>+PONG</c>.</summary>
    private async Task<bool> AnswersPingAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, Port, cancellationToken);
            var stream = client.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray(), cancellationToken);
            var answer = new byte[16];
            int read = await stream.ReadAsync(answer, cancellationToken);
            return Encoding.ASCII.GetString(answer, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (SocketException)
        {
            return false; // not listening yet
        }
        catch (IOException)
        {
            return false; // listening, but not answering yet
        }
    }
}
