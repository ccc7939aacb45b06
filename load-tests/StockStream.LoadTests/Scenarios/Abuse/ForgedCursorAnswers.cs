namespace StockStream.LoadTests.Scenarios.Abuse;

/// <summary>What the forged-cursor attack got back: answers by status and the largest body, to show that no cursor buys a large answer.</summary>
public sealed class ForgedCursorAnswers
{
    private readonly Lock _gate = new();
    private readonly Dictionary<int, long> _byStatus = [];
    private Task<string>? _genuine;

    public long LargestBodyBytes { get; private set; }

    public IReadOnlyDictionary<int, long> ByStatus
    {
        get { lock (_gate) return new Dictionary<int, long>(_byStatus); }
    }

    /// <summary>One genuine cursor for the whole attack, asked for once.</summary>
    public Task<string> GenuineCursorAsync(Func<Task<string>> ask)
    {
        lock (_gate) return _genuine is { IsFaulted: false, IsCanceled: false } ? _genuine : _genuine = ask();
    }

    public void Record(int status, byte[] body)
    {
        lock (_gate)
        {
            _byStatus[status] = _byStatus.GetValueOrDefault(status) + 1;
            LargestBodyBytes = Math.Max(LargestBodyBytes, body.Length);
        }
    }
}
