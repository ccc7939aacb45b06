namespace StockStream.Tests.Infrastructure;

/// <summary>A running server the tests reach over loopback: hosted in this process, or a node process of its own.</summary>
public interface IServerEndpoint
{
    Uri BaseAddress { get; }
}
