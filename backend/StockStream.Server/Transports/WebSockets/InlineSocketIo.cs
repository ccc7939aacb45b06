using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;

namespace StockStream.Server.Transports.WebSockets;

/// <summary>
/// Runs socket completions and Kestrel's pipe continuations on the thread that observed them instead of queueing each
/// to the thread pool: at hundreds of thousands of small frames a second the hops, not the bytes, are the cost.
/// Safe here because no endpoint blocks a thread; <see cref="WebSocketTransportOptions.InlineSocketIo"/> turns it off.
/// </summary>
internal static class InlineSocketIo
{
    private const string RuntimeSwitch = "DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS";

    public static void Configure(WebApplicationBuilder builder)
    {
        if (!builder.Configuration.GetValue($"{WebSocketTransportOptions.SectionName}:{nameof(WebSocketTransportOptions.InlineSocketIo)}", true)) return;
        // The runtime reads this once, when the first socket is created, and offers no other way to set it; an
        // explicit value in the environment wins.
        if (Environment.GetEnvironmentVariable(RuntimeSwitch) is null) Environment.SetEnvironmentVariable(RuntimeSwitch, "1");
        builder.Services.Configure<SocketTransportOptions>(sockets => sockets.UnsafePreferInlineScheduling = true);
    }
}
