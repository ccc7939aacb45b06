namespace StockStream.Server.Backplane;

/// <summary>The shared stream cannot be reached right now; the request can be retried.</summary>
public sealed class BackplaneUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
