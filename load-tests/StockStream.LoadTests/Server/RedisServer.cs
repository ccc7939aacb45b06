using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace StockStream.LoadTests.Server;

/// <summary>
/// A <c>redis-server</c> from PATH started as the nodes' backplane on a free loopback port, persistence off;
/// stopped on dispose.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    public const string Executable = "redis-server";

    private readonly ChildProcess _process;

    private RedisServer(ChildProcess process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    public int ProcessId => _process.Id;

    /// <summary>The StackExchange.Redis configuration string the nodes get.</summary>
    public string Configuration => $"127.0.0.1:{Port}";

    /// <summary>Where <c>redis-server</c> is on PATH; null when it is not installed.</summary>
    public static string? Find() => Server.Executable.Find(Executable);

    public static string NotInstalled => $"{Executable} is not on PATH; install it (e.g. sudo apt-get install redis-server) to run nodes over Redis.";

    public static async Task<RedisServer> StartAsync(string logFolder, TimeSpan startTimeout, CancellationToken cancellationToken)
    {
        var executable = Find() ?? throw new InvalidOperationException(NotInstalled);
        int port = LoopbackPort.Free();
        Directory.CreateDirectory(logFolder);
        var start = new ProcessStartInfo(executable) { WorkingDirectory = logFolder };
        // Loopback only, no snapshots or append-only file: the backplane's state lives as long as the run.
        foreach (var argument in (string[])["--port", $"{port}", "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", logFolder])
            start.ArgumentList.Add(argument);

        var process = await ChildProcess.StartAsync(start, Path.Combine(logFolder, "redis.log"), Executable, ct => AnswersPingAsync(port, ct), startTimeout, cancellationToken);
        return new RedisServer(process, port);
    }

    /// <summary>True when Redis answers <c>PING</c> with <c>+PONG</c>.</summary>
    private static async Task<bool> AnswersPingAsync(int port, CancellationToken cancellationToken)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, port, cancellationToken);
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
    }

    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
