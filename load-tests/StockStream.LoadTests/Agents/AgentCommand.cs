using System.CommandLine;
using System.Net;

namespace StockStream.LoadTests.Agents;

/// <summary>The <c>agent</c> command: <c>load agent --listen 10.0.0.7:7700</c> on another host; a coordinator names it with <c>--agent-url</c>.</summary>
public static class AgentCommand
{
    public static Command Create(TextWriter output)
    {
        var listen = new Option<string>("--listen") { Description = "host:port the agent's HTTP endpoint listens on", DefaultValueFactory = _ => "127.0.0.1:7700" };
        listen.Validators.Add(r =>
        {
            var text = r.GetValueOrDefault<string>() ?? "";
            if (!Uri.TryCreate($"http://{text}/", UriKind.Absolute, out var url) || url.Authority != text || url.Port is < 1 or > 65535 || !text.Contains(':'))
                r.AddError($"--listen must be host:port (e.g. 127.0.0.1:7700), not '{text}'.");
        });
        var sources = new Option<string?>("--source-address") { Description = "Local addresses its clients connect from, comma-separated (e.g. 127.0.0.10); default the kernel's choice" };
        sources.Validators.Add(r =>
        {
            var addresses = Split(r.GetValueOrDefault<string?>());
            if (addresses.Length == 0) r.AddError("--source-address must name at least one IP address, e.g. 127.0.0.10.");
            foreach (var text in addresses)
                if (!(text.Count(c => c == '.') == 3 || text.Contains(':')) || !IPAddress.TryParse(text, out _)) r.AddError($"--source-address must be IP addresses, not '{text}'.");
        });
        var command = new Command("agent", "Run as a load agent: hold clients for a coordinator (--agents / --agent-url) over plain HTTP") { listen, sources };
        command.SetAction((result, cancellationToken) =>
            new AgentServer(result.GetValue(listen)!, [.. Split(result.GetValue(sources)).Select(IPAddress.Parse)], output.WriteLine).RunAsync(cancellationToken));
        return command;
    }

    private static string[] Split(string? list) => list?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
}
