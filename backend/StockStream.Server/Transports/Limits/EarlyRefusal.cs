using System.Buffers;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Connections;

namespace StockStream.Server.Transports.Limits;

/// <summary>
/// Answers a connection from an address held back by <see cref="RefusedAddresses"/> without Kestrel: its request head is
/// read (unparsed, so closing does not reset the connection and lose the answer) and a prepared 503 problem with
/// <c>Retry-After</c> and <c>Connection: close</c> is written. A TLS hello gets no plain-text answer: it is closed at once.
/// </summary>
public static class EarlyRefusal
{
    /// <summary>How long the request head may take to arrive, and most of it read.</summary>
    private static readonly TimeSpan ReadTimeout = TimeSpan.FromSeconds(2);
    private const int MaxHeadBytes = 16 * 1024;
    private const byte TlsHandshake = 0x16;

    public static async Task AnswerAsync(ConnectionContext connection, TimeSpan retryAfter)
    {
        using var timeout = new CancellationTokenSource(ReadTimeout);
        var input = connection.Transport.Input;
        try
        {
            while (true)
            {
                var read = await input.ReadAsync(timeout.Token);
                var buffer = read.Buffer;
                if (buffer.Length > 0 && buffer.FirstSpan[0] == TlsHandshake) return;
                var reader = new SequenceReader<byte>(buffer);
                if (reader.TryReadTo(out ReadOnlySequence<byte> _, "\r\n\r\n"u8) || buffer.Length >= MaxHeadBytes || read.IsCompleted)
                {
                    input.AdvanceTo(buffer.End);
                    break;
                }
                input.AdvanceTo(buffer.Start, buffer.End);
            }
            await connection.Transport.Output.WriteAsync(Response(retryAfter), timeout.Token);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or ConnectionResetException or ConnectionAbortedException)
        {
            // The client went away or sent nothing in time: closing is all that is left.
        }
    }

    /// <summary>The whole answer: status line, headers and problem body (made once per <c>Retry-After</c> value up to
    /// <see cref="CachedSeconds"/>: a flood is answered without allocating its answers).</summary>
    public static byte[] Response(TimeSpan retryAfter)
    {
        int seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        if (seconds > CachedSeconds) return Build(seconds);
        // A race makes the same answer twice, both right.
        return s_responses[seconds] ??= Build(seconds);
    }

    private const int CachedSeconds = 300;
    private static readonly byte[]?[] s_responses = new byte[]?[CachedSeconds + 1];

    private static byte[] Build(int seconds)
    {
        string body = string.Create(CultureInfo.InvariantCulture,
            $$"""{"type":"https://tools.ietf.org/html/rfc9110#section-15.6.4","title":"Too many requests","status":503,"detail":"This address opens or asks for more than its share; try again later.","retryAfter":{{seconds}}}""");
        return Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture,
            $"HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/problem+json\r\nContent-Length: {body.Length}\r\nRetry-After: {seconds}\r\nConnection: close\r\n\r\n{body}"));
    }
}
