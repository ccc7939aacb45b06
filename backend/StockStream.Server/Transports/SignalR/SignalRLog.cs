namespace StockStream.Server.Transports.SignalR;

/// <summary>The SignalR baseline's log messages.</summary>
internal static partial class SignalRLog
{
    [LoggerMessage(Level = LogLevel.Debug, Message = "SignalR broadcaster stopped")]
    public static partial void Stopped(ILogger logger);
}
