using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using StockStream.LoadTests.Engine;
using StockStream.LoadTests.Transports;
using StockStream.LoadTests.Wire;
using StockStream.Protocol;
using StockStream.Protocol.Messages;

namespace StockStream.LoadTests.Scenarios.Abuse;

/// <summary>
/// What the copies of one attack share: the server, its symbols, and an HTTP stack bound to the attack's own source
/// address (so per-address limits see the attacker, not the bystanders), with helpers for what attackers send.
/// </summary>
public sealed class AttackTarget : IDisposable
{
    private readonly SocketsHttpHandler _handler;

    public AttackTarget(Uri baseAddress, SymbolTable symbols, Attack attack, ScenarioMeasurements measurements)
    {
        BaseAddress = baseAddress;
        Symbols = symbols;
        Source = attack.Source;
        ReceiveBufferBytes = attack.ReceiveBufferBytes;
        _handler = CountingHttpHandler.Create(measurements.Counters, TimeSpan.FromSeconds(10), attack.ReceiveBufferBytes, [attack.Source]);
        Http = new HttpClient(_handler, disposeHandler: false) { Timeout = TimeSpan.FromSeconds(30) };
    }

    public Uri BaseAddress { get; }
    public SymbolTable Symbols { get; }
    public IPAddress Source { get; }
    public int? ReceiveBufferBytes { get; }
    public HttpClient Http { get; }

    /// <summary>Every symbol of the market, comma-separated, capped at <paramref name="max"/> (the server's default symbol limit).</summary>
    public string AllSymbols(int max = 100) => string.Join(',', Symbols.Symbols.Take(max));

    /// <summary>A WebSocket to <c>/ws</c> from the attack's address; null and the refusal ("refused: HTTP 503") when not accepted.</summary>
    public async Task<(ClientWebSocket? Socket, string? Refusal)> ConnectAsync(CancellationToken cancellationToken)
    {
        var socket = new ClientWebSocket();
        socket.Options.AddSubProtocol(Subprotocols.MessagePack);
        socket.Options.CollectHttpResponseDetails = true;
        try
        {
            await socket.ConnectAsync(TransportProbe.WebSocketEndpoint(BaseAddress), Http, cancellationToken);
            return (socket, null);
        }
        catch (Exception e) when ((e is WebSocketException or HttpRequestException) && !cancellationToken.IsCancellationRequested)
        {
            string refusal = socket.HttpStatusCode is 0 ? $"refused: {e.GetType().Name}" : $"refused: HTTP {(int)socket.HttpStatusCode}";
            socket.Dispose();
            return (null, refusal);
        }
    }

    public static Task SendAsync(ClientWebSocket socket, ClientMessage message, CancellationToken cancellationToken) =>
        socket.SendAsync(WireFormat.MessagePack.ToArray(message), WebSocketMessageType.Binary, endOfMessage: true, cancellationToken);

    /// <summary>Reads and drops frames until the server closes; the way it ended ("closed 1008 too many messages", "reset").</summary>
    public static async Task<string> ReadUntilClosedAsync(ClientWebSocket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            while (true)
            {
                var result = await socket.ReceiveAsync(buffer, cancellationToken);
                if (result.MessageType == WebSocketMessageType.Close)
                    return $"closed {(int?)socket.CloseStatus} {socket.CloseStatusDescription}".TrimEnd();
            }
        }
        catch (WebSocketException)
        {
            // Stopping tears the socket down under a pending read too: the caller tells that from a reset.
            return cancellationToken.IsCancellationRequested ? "stopped" : "reset by the server";
        }
    }

    /// <summary>
    /// Holds a socket that never reads until the server drops it (a Ping a second fails then) or the copy stops: Fail
    /// "dropped by the server", or Ok.
    /// </summary>
    public static async Task<Response> HoldUnreadAsync(ClientWebSocket socket, CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
                await SendAsync(socket, WireFormat.MessagePack.CreatePing(0), cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return Response.Ok();
        }
        catch (Exception e) when (e is WebSocketException or IOException)
        {
            return cancellationToken.IsCancellationRequested ? Response.Ok() : Response.Fail("dropped by the server");
        }
    }

    /// <summary>A TCP connection from the attack's address that sends <paramref name="request"/> and never reads what comes back.</summary>
    public async Task<Socket> SendUnreadAsync(string request, CancellationToken cancellationToken)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { ReceiveBufferSize = ReceiveBufferBytes ?? 4096 };
        try
        {
            CountingHttpHandler.BindForConnect(socket, Source);
            await socket.ConnectAsync(BaseAddress.Host, BaseAddress.Port, cancellationToken);
            await socket.SendAsync(Encoding.ASCII.GetBytes(request), cancellationToken);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>An HTTP/1.1 GET of <paramref name="pathAndQuery"/> as raw request text.</summary>
    public string Get(string pathAndQuery, string accept = "application/json") =>
        $"GET {pathAndQuery} HTTP/1.1\r\nHost: {BaseAddress.Authority}\r\nAccept: {accept}\r\n\r\n";

    public void Dispose()
    {
        Http.Dispose();
        _handler.Dispose();
    }
}
