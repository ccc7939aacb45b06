namespace StockStream.Server.Transports.Limits;

/// <summary>What each transport's configuration asks to hold (0: as many as the machine allows), by setting name.</summary>
public sealed class ConnectionRequests
{
    public Dictionary<ConnectionKind, (string Setting, int Requested)> ByKind { get; } = [];

    public int Requested(ConnectionKind kind) => ByKind.TryGetValue(kind, out var request) ? request.Requested : 0;

    public string Setting(ConnectionKind kind) => ByKind.TryGetValue(kind, out var request) ? request.Setting : kind.ToString();
}
