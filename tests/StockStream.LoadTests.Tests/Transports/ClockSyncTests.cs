using StockStream.LoadTests.Transports;

namespace StockStream.LoadTests.Tests.Transports;

public sealed class ClockSyncTests : IAsyncLifetime
{
    private FakeStreamServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeStreamServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task MeasuresTheServersClockOffsetWithinTheRoundTrip()
    {
        _server.ClockSkewMicros = 3_600_000_000; // the server's clock runs an hour ahead
        using var http = new HttpClient();

        var clock = await ClockSync.MeasureAsync(TransportProbe.WebSocketEndpoint(_server.BaseAddress), http, pings: 5, CancellationToken.None)
            .WaitAsync(TimeSpan.FromSeconds(15));

        Assert.Equal(5, clock.Samples);
        Assert.InRange(clock.RoundTripMicros, 0, 1_000_000);
        Assert.InRange(clock.OffsetMicros, 3_600_000_000 - clock.RoundTripMicros, 3_600_000_000 + clock.RoundTripMicros);
    }
}
