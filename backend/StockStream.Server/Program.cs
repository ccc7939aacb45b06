using StockStream.Server.Backplane;
using StockStream.Server.Hosting;
using StockStream.Server.Market;
using StockStream.Server.Streaming;
using StockStream.Server.Transports.Limits;
using StockStream.Server.Transports.LongPolling;
using StockStream.Server.Transports.Rest;
using StockStream.Server.Transports.SignalR;
using StockStream.Server.Transports.Sse;
using StockStream.Server.Transports.WebSockets;
using StockStream.Server.Transports.WebSockets.Compression;

var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppLocation.ContentRoot() });
builder.AddStartupErrors();
builder.Services.AddProblemDetails();
builder.AddConnectionLimits();
builder.AddClientLimits();
builder.AddBackplane();
builder.AddMarket();
builder.AddStreaming();
builder.AddWebSocketTransport();
builder.AddWebSocketCompression();
builder.AddLongPolling();
builder.AddSse();
builder.AddSignalRBaseline();
builder.AddAdmin();
builder.AddMetricsExport();
builder.AddApiDocs();
builder.AddFrontend();

var app = builder.Build();
app.UseClientLimits();
// An open socket keeps the frame of every middleware it passed for its whole life: /ws is answered before the
// exception handler, status pages and authorization (which WebApplication would otherwise put first), none of
// which it needs — its refusals are problems already, and after the upgrade there is no response to write.
app.UseWireTrafficCounting();
app.UseWebSockets();
app.UseWebSocketTransport();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseAuthorization();
app.MapHealth();
app.MapSymbols();
app.MapWireTraffic();
app.MapLongPolling();
app.MapSse();
app.MapSignalRBaseline();
app.MapMarketData();
app.MapAdmin();
app.MapMetrics();
app.MapApiDocs();
app.UseFrontend();
return StartupErrors.Run(app);

/// <summary>Entry point, visible to the integration tests' host.</summary>
public partial class Program;
