namespace StockStream.Server.Transports.Limits;

/// <summary>
/// What this process may hold, computed once at start: all TCP connections stay below the open-file limit less a
/// reserve, and streams (WebSockets, SSE streams, held polls, SignalR connections, together) leave room for short requests.
/// </summary>
public sealed record ConnectionCapacity(long? DescriptorLimit, int Reserve, int? TotalConnections, int Streams, int WebSockets, int SseStreams, int HeldPolls,
    int HubConnections)
{
    /// <summary>What a transport may hold when neither the machine nor the configuration says.</summary>
    public const int DefaultPerTransport = 50_000;

    private const int BaseReserve = 256, MinHeadroom = 16;

    public int For(ConnectionKind kind) => kind switch
    {
        ConnectionKind.WebSocket => WebSockets,
        ConnectionKind.SseStream => SseStreams,
        ConnectionKind.HubConnection => HubConnections,
        _ => HeldPolls,
    };

    /// <summary>
    /// Derives the capacity; <paramref name="warnings"/> names each setting that asks for more than the machine
    /// allows (a configured 0 means "as many as allowed" and never warns).
    /// </summary>
    public static ConnectionCapacity Compute(long? descriptorLimit, ConnectionLimitsOptions limits, ConnectionRequests requests, List<string> warnings)
    {
        int reserve = 0;
        int? total = limits.MaxConnections > 0 ? limits.MaxConnections : null;
        if (descriptorLimit is { } fds)
        {
            reserve = limits.DescriptorReserve > 0 ? limits.DescriptorReserve : (int)Math.Min(int.MaxValue, BaseReserve + fds / 10);
            int allowed = (int)Math.Clamp(fds - reserve, MinHeadroom * 2, int.MaxValue);
            if (total > allowed)
                warnings.Add($"{ConnectionLimitsOptions.SectionName}:{nameof(ConnectionLimitsOptions.MaxConnections)} asks for {total:N0}, " +
                    $"but the open-file limit of {fds:N0} less {reserve:N0} reserved allows {allowed:N0}: using {allowed:N0}.");
            total = Math.Min(total ?? int.MaxValue, allowed);
        }
        int streams = DefaultPerTransport * 3, unset = DefaultPerTransport;
        if (total is { } all)
        {
            int headroom = limits.RequestHeadroom > 0 ? limits.RequestHeadroom : Math.Max(MinHeadroom, all / 20);
            streams = unset = Math.Max(1, all - Math.Min(headroom, all / 2));
        }
        return new ConnectionCapacity(descriptorLimit, reserve, total, streams,
            Cap(requests, ConnectionKind.WebSocket, streams, unset, warnings),
            Cap(requests, ConnectionKind.SseStream, streams, unset, warnings),
            Cap(requests, ConnectionKind.HeldPoll, streams, unset, warnings),
            Cap(requests, ConnectionKind.HubConnection, streams, unset, warnings));
    }

    private static int Cap(ConnectionRequests requests, ConnectionKind kind, int streams, int unset, List<string> warnings)
    {
        int configured = requests.Requested(kind);
        if (configured == 0) return unset;
        if (configured > streams)
            warnings.Add($"{requests.Setting(kind)} asks for {configured:N0}, but this process can hold {streams:N0} streams: using {streams:N0}.");
        return Math.Min(configured, streams);
    }
}
