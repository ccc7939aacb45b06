using StockStream.Server.Backplane;

namespace StockStream.Server.Streaming;

/// <summary>Registers the hub and its metrics.</summary>
public static class StreamingHosting
{
    public static WebApplicationBuilder AddStreaming(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<StreamingOptions>()
            .BindConfiguration(StreamingOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<StreamingMetrics>();
        builder.Services.AddSingleton<TickHub>();
        builder.Services.AddSingleton<ITickSink>(sp => sp.GetRequiredService<TickHub>());
        return builder;
    }
}
