namespace StockStream.Server.Transports.Http;

/// <summary>How a flush under a <see cref="SendDeadline"/> ended.</summary>
internal enum FlushOutcome
{
    /// <summary>The client took the bytes in time.</summary>
    Flushed,

    /// <summary>The client went away (or the response was completed): nothing more to write.</summary>
    Gone,

    /// <summary>The client did not take the bytes within the deadline: abort the connection.</summary>
    Stalled,
}
