using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Options;

namespace StockStream.Server.Hosting;

/// <summary>
/// Start-up failures a user causes (the port is taken, a setting is out of range) end the server with one line
/// that names the problem and a non-zero exit code, instead of the host's stack traces.
/// </summary>
public static partial class StartupErrors
{
    public const int ExitCode = 1;

    /// <summary>The host logs a start-up failure with its stack trace; the one line from <see cref="Run"/> replaces it.</summary>
    public static WebApplicationBuilder AddStartupErrors(this WebApplicationBuilder builder)
    {
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.Critical);
        return builder;
    }

    /// <summary>Runs the server until it stops; returns the process's exit code.</summary>
    public static int Run(WebApplication app)
    {
        try
        {
            app.Run();
            return 0;
        }
        catch (IOException e) when (e.InnerException is AddressInUseException)
        {
            string address = BoundAddress().Match(e.Message) is { Success: true } m ? m.Groups[1].Value : "the server's address";
            return Fail($"Cannot listen on {address}: the address is already in use (is another StockStream server running?). " +
                        "Pick another one with `npm start -- --urls=http://localhost:5001` (or --urls=... on the dll).");
        }
        catch (OptionsValidationException e)
        {
            return Fail($"Invalid setting: {e.Message}");
        }
    }

    private static int Fail(string message)
    {
        Console.Out.Flush();
        Console.Error.WriteLine($"error: {message}");
        return ExitCode;
    }

    [GeneratedRegex(@"bind to address (\S+?):? address already in use", RegexOptions.IgnoreCase)]
    private static partial Regex BoundAddress();
}
