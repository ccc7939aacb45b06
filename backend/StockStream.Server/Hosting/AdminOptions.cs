namespace StockStream.Server.Hosting;

/// <summary>Access to the admin endpoints.</summary>
public sealed class AdminOptions
{
    public const string SectionName = "Admin";

    /// <summary>Bearer token the admin endpoints require; empty disables them (every call gets 403). Default empty.</summary>
    public string Token { get; set; } = "";
}
