using Microsoft.Extensions.Options;

namespace StockStream.Server.Market;

/// <summary>Registers the simulated market: its instruments and the hosted tick generator.</summary>
public static class MarketHosting
{
    public static WebApplicationBuilder AddMarket(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<MarketOptions>()
            .BindConfiguration(MarketOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<MarketOptions>>().Value;
            return new InstrumentCatalog(options.Symbols, options.Seed);
        });
        builder.Services.AddSingleton<MarketMetrics>();
        builder.Services.AddHostedService<TickGenerator>();
        return builder;
    }
}
