namespace StockStream.LoadTests.Server;

/// <summary>CPU time used so far and resident memory, of the server (when it can be seen) and of this client, at one moment.</summary>
/// <remarks><see cref="MachineBusy"/> is the CPU time every process of this machine used (from /proc/stat), to show other load.</remarks>
public readonly record struct ResourceSnapshot(DateTime At, TimeSpan? ServerCpu, long? ServerRssBytes, TimeSpan ClientCpu, long ClientRssBytes, TimeSpan? MachineBusy, long ClientAllocatedBytes)
{
    public static ResourceSnapshot Client(DateTime at, TimeSpan? serverCpu = null, long? serverRss = null) =>
        new(at, serverCpu, serverRss, Environment.CpuUsage.TotalTime, Environment.WorkingSet, MachineCpu.BusyTime(), GC.GetTotalAllocatedBytes());

    /// <summary>Average cores the server used between <paramref name="earlier"/> and this snapshot; null when unknown.</summary>
    public double? ServerCoresSince(ResourceSnapshot earlier) =>
        ServerCpu is { } now && earlier.ServerCpu is { } then && At > earlier.At ? (now - then) / (At - earlier.At) : null;

    /// <summary>Average cores all processes of this machine used; null when unknown.</summary>
    public double? MachineCoresSince(ResourceSnapshot earlier) =>
        MachineBusy is { } now && earlier.MachineBusy is { } then && At > earlier.At ? (now - then) / (At - earlier.At) : null;

    /// <summary>Average cores this client used between <paramref name="earlier"/> and this snapshot.</summary>
    public double ClientCoresSince(ResourceSnapshot earlier) =>
        At > earlier.At ? (ClientCpu - earlier.ClientCpu) / (At - earlier.At) : 0;
}
