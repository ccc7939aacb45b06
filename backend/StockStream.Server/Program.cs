using StockStream.Server.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddFrontend();

var app = builder.Build();
app.MapHealth();
app.UseFrontend();
app.Run();

/// <summary>Entry point, visible to the integration tests' host.</summary>
public partial class Program;
