namespace StockStream.Protocol;

/// <summary>Codes carried by an Error message.</summary>
public static class ErrorCodes
{
    public const int MalformedMessage = 400;
    public const int UnknownMessageType = 404;
    public const int TooManyMessages = 429;
    public const int InternalError = 500;
}
