using StackExchange.Redis;

namespace StockStream.Server.Backplane.Redis;

/// <summary>Connects to the Redis a node joins, waiting for it up to <see cref="BackplaneOptions.JoinTimeoutSeconds"/>.</summary>
internal static class RedisConnector
{
    public static async Task<ConnectionMultiplexer> ConnectAsync(BackplaneOptions options, ILogger logger, CancellationToken cancellationToken)
    {
        ConfigurationOptions configuration;
        try
        {
            configuration = ConfigurationOptions.Parse(options.Redis);
        }
        catch (ArgumentException e)
        {
            throw new InvalidOperationException($"Backplane:Redis '{options.Redis}' is not a Redis configuration string: {e.Message}", e);
        }
        configuration.AbortOnConnectFail = true;
        // Lost later, Redis is tried again soon and then less often, up to every 5 s.
        configuration.ReconnectRetryPolicy = new ExponentialRetry(250, 5_000);
        configuration.ClientName = "stockstream";
        var deadline = DateTime.UtcNow.AddSeconds(options.JoinTimeoutSeconds);
        while (true)
        {
            try
            {
                return await ConnectionMultiplexer.ConnectAsync(configuration);
            }
            catch (RedisConnectionException e) when (DateTime.UtcNow < deadline)
            {
                RedisLog.Waiting(logger, options.Redis, e.Message);
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            }
            catch (RedisConnectionException e)
            {
                throw new InvalidOperationException(
                    $"Redis at '{options.Redis}' could not be reached within {options.JoinTimeoutSeconds} s: start it, or correct Backplane:Redis.", e);
            }
        }
    }
}
