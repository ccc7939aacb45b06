using System.Net.WebSockets;
using StockStream.LoadTests.Metrics;
using StockStream.Protocol;
using StockStream.Protocol.Messages;

namespace StockStream.LoadTests.Transports;

/// <summary>
/// Estimates server clock minus client clock with Ping/Pong: offset = serverTime − (sent + received) / 2,
/// taken from the round trip with the least delay (NTP's rule), so tick ages stay right when the server is on another host.
/// </summary>
public static class ClockSync
{
    public static async Task<ClockOffset> MeasureAsync(Uri endpoint, HttpMessageInvoker invoker, int pings, CancellationToken cancellationToken)
    {
        var format = WireFormat.MessagePack;
        using var socket = new ClientWebSocket();
        socket.Options.AddSubProtocol(format.Subprotocol);
        await socket.ConnectAsync(endpoint, invoker, cancellationToken);
        var buffer = new byte[64 * 1024];
        var best = new ClockOffset(0, long.MaxValue, 0);
        for (int i = 0; i < pings; i++)
        {
            long sent = UnixTime.NowMicroseconds();
            await socket.SendAsync(format.ToArray(format.CreatePing(sent)), WebSocketMessageType.Binary, true, cancellationToken);
            var pong = await ReceivePongAsync(socket, format, buffer, cancellationToken);
            long received = UnixTime.NowMicroseconds();
            if (format.ReadNumber(pong.RawClientTime) != sent) continue; // a pong of another ping
            var sample = new ClockOffset(pong.ServerTime - (sent + received) / 2, received - sent, best.Samples + 1);
            best = sample.RoundTripMicros < best.RoundTripMicros ? sample : best with { Samples = sample.Samples };
        }
        await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, cancellationToken);
        return best;
    }

    private static async Task<PongMessage> ReceivePongAsync(ClientWebSocket socket, WireFormat format, byte[] buffer, CancellationToken cancellationToken)
    {
        while (true)
        {
            int filled = 0;
            ValueWebSocketReceiveResult result;
            do
            {
                result = await socket.ReceiveAsync(buffer.AsMemory(filled), cancellationToken);
                if (result.MessageType == WebSocketMessageType.Close) throw new WebSocketException("The server closed before answering the ping.");
                filled += result.Count;
            }
            while (!result.EndOfMessage);
            if (format.ReadServerMessage(buffer.AsMemory(0, filled)) is PongMessage pong) return pong;
        }
    }
}
