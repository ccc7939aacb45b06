using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace StockStream.Tests.Infrastructure;

/// <summary>
/// The server with an HTTPS endpoint configured the standard Kestrel way (<c>Kestrel:Endpoints:Https</c> with a
/// certificate file and password), using a self-signed certificate this fixture makes for 127.0.0.1.
/// </summary>
public sealed class TlsServer() : StockStreamServer(new Dictionary<string, string?>
{
    ["Kestrel:Endpoints:Https:Url"] = "https://127.0.0.1:0",
    ["Kestrel:Endpoints:Https:Certificate:Path"] = CertificateFile.Value.Path,
    ["Kestrel:Endpoints:Https:Certificate:Password"] = CertificateFile.Value.Password,
})
{
    private static readonly Lazy<(string Path, string Password, string Thumbprint)> CertificateFile = new(CreateCertificateFile);

    /// <summary>The certificate clients must accept (by thumbprint), and accept only it.</summary>
    public string Thumbprint => CertificateFile.Value.Thumbprint;

    public Uri HttpsAddress => new(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!
        .Addresses.Single(a => a.StartsWith("https://", StringComparison.Ordinal)));

    public bool IsOurCertificate(X509Certificate? certificate) =>
        certificate is not null && string.Equals(new X509Certificate2(certificate).Thumbprint, Thumbprint, StringComparison.OrdinalIgnoreCase);

    private static (string, string, string) CreateCertificateFile()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=StockStream test", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(System.Net.IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        string password = Convert.ToHexString(RandomNumberGenerator.GetBytes(12));
        string path = Path.Combine(Path.GetTempPath(), $"stockstream-test-{Guid.NewGuid():N}.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, password));
        AppDomain.CurrentDomain.ProcessExit += (_, _) => File.Delete(path);
        return (path, password, certificate.Thumbprint);
    }
}
