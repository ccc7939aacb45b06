using StockStream.Protocol;

namespace StockStream.Server.Hosting;

/// <summary>The admin endpoints' log messages.</summary>
internal static partial class AdminLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Market state set to {State} by an admin")]
    public static partial void MarketStateSet(ILogger logger, MarketState state);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Admin call refused with {StatusCode}: {Reason}")]
    public static partial void Refused(ILogger logger, int statusCode, string reason);
}
