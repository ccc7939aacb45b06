namespace StockStream.Protocol;

/// <summary>A frame that breaks the protocol; <see cref="Code"/> is the Error message's code (400 or 404).</summary>
public sealed class ProtocolException(int code, string message, Exception? inner = null) : Exception(message, inner)
{
    public int Code { get; } = code;

    public static ProtocolException Malformed(string message, Exception? inner = null) =>
        new(ErrorCodes.MalformedMessage, message, inner);
}
