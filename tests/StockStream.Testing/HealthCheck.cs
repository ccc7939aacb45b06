using System.Net;

namespace StockStream.Testing;

/// <summary>Whether a server (or an agent, or a balancer in front of servers) is ready: <c>GET /healthz</c> answers 200.</summary>
public static class HealthCheck
{
    public static async Task<bool> IsHealthyAsync(HttpClient http, Uri baseAddress, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.GetAsync(new Uri(baseAddress, "healthz"), cancellationToken);
            return response.StatusCode == HttpStatusCode.OK;
        }
        catch (Exception e) when (e is HttpRequestException || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return false; // not listening yet, or too busy starting to answer in time
        }
    }
}
