using Microsoft.Extensions.Options;
using StockStream.Protocol;
using StockStream.Server.Backplane.InProcess;
using StockStream.Server.Backplane.Redis;

namespace StockStream.Server.Backplane;

/// <summary>Registers the backplane the configuration names: in-process (default) or Redis.</summary>
public static class BackplaneHosting
{
    /// <summary>Call before the market is added: the backplane then starts before the generator and stops after it.</summary>
    public static WebApplicationBuilder AddBackplane(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<BackplaneOptions>()
            .BindConfiguration(BackplaneOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        var kind = builder.Configuration.GetSection(BackplaneOptions.SectionName).GetValue(nameof(BackplaneOptions.Kind), BackplaneKind.InProcess);
        if (kind == BackplaneKind.Redis)
        {
            builder.Services.AddSingleton<RedisBackplane>();
            builder.Services.AddSingleton<ITickBackplane>(sp => sp.GetRequiredService<RedisBackplane>());
            builder.Services.AddHostedService(sp => sp.GetRequiredService<RedisBackplane>());
        }
        else
        {
            builder.Services.AddSingleton<ITickBackplane, InProcessBackplane>();
        }
        return builder;
    }
}
