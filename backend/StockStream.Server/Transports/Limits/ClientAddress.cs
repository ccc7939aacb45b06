using System.Diagnostics.CodeAnalysis;
using System.Net;

namespace StockStream.Server.Transports.Limits;

/// <summary>
/// A client's address as every per-address limit keys it: an IPv4 client reached over a dual-stack socket
/// (<c>::ffff:203.0.113.7</c>) is the same client as over IPv4 (<c>203.0.113.7</c>).
/// </summary>
public static class ClientAddress
{
    [return: NotNullIfNotNull(nameof(address))]
    public static IPAddress? Of(IPAddress? address) => address is { IsIPv4MappedToIPv6: true } ? address.MapToIPv4() : address;
}
