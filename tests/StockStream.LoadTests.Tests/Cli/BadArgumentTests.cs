using System.CommandLine;
using System.CommandLine.Help;
using StockStream.LoadTests.Cli;

namespace StockStream.LoadTests.Tests.Cli;

/// <summary>Whatever is wrong with a command line, the tool says so in one line naming it and exits with 2: no stack trace, no run.</summary>
public sealed class BadArgumentTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    /// <summary>Options that take any text; every other option refuses a value like this.</summary>
    private static readonly string[] FreeText = ["--report-dir"];

    [Theory]
    [InlineData("ws --clients abc", "--clients must be a whole number between 1 and 200,000, not 'abc'.")]
    [InlineData("ws --clients 0", "--clients must be a whole number between 1 and 200,000, not '0'.")]
    [InlineData("ws --clients 1.5", "--clients must be a whole number between 1 and 200,000, not '1.5'.")]
    [InlineData("compare --transports ws,foo", "--transports: 'foo' is not a transport (ws, ws-json, sse, long-poll")]
    [InlineData("compare --transports ,", "--transports needs a transport (ws, ws-json, sse, long-poll")]
    [InlineData("ws --duration 5x", "--duration must be a duration such as 500ms, 10s or 2m, above 0 up to 10m, not '5x'.")]
    [InlineData("ws --duration 0s", "--duration must be a duration such as 500ms, 10s or 2m, above 0 up to 10m, not '0s'.")]
    [InlineData("ws --warm-up -1s", "--warm-up must be a duration such as 500ms, 10s or 2m, from 0 up to 10m, not '-1s'.")]
    [InlineData("ws --ramp-up 11m", "--ramp-up must be a duration such as 500ms, 10s or 2m, from 0 up to 10m, not '11m'.")]
    [InlineData("ws --rate 0", "--rate must be a number above 0 and at most 1,000,000, not '0'.")]
    [InlineData("ws --rate NaN", "--rate must be a number above 0 and at most 1,000,000, not 'NaN'.")]
    [InlineData("ws --min-delivery 1.5", "--min-delivery must be a number above 0 and at most 1, not '1.5'.")]
    [InlineData("ws --max-errors -3", "--max-errors must be a whole number of at least 0, not '-3'.")]
    [InlineData("ws --symbol-list AAPL,msft", "--symbol-list: 'msft' is not a symbol (1-12 of A-Z 0-9 . -).")]
    [InlineData("ws --server-arg Market:Symbols=5", "--server-arg must be a --Key=value setting, not 'Market:Symbols=5'.")]
    [InlineData("ws --server-env 1X=2", "--server-env must be NAME=value (NAME of letters, digits and _, not starting with a digit), not '1X=2'.")]
    [InlineData("ws --server-env DOTNET_GCgen0size", "--server-env must be NAME=value (NAME of letters, digits and _, not starting with a digit), not 'DOTNET_GCgen0size'.")]
    [InlineData("ws --url http://127.0.0.1:5000 --server-arg --Market:Symbols=5", "--server-arg shapes the servers started here; --url names running nodes, started with their own settings.")]
    [InlineData("ws --url http://127.0.0.1:5000 --server-env A=1", "--server-env shapes the servers started here; --url names running nodes, started with their own environment.")]
    [InlineData("ws --backplane kafka", "--backplane must be a backplane: inprocess or redis, not 'kafka'.")]
    [InlineData("abuse --attacks handshake-flood,bogus", "--attacks: 'bogus' is not an attack (handshake-flood, connection-flood, message-flood")]
    [InlineData("abuse --attacker-nice 20", "--attacker-nice must be a whole number between 0 and 19, not '20'.")]
    [InlineData("abuse --rounds 0", "--rounds must be a whole number between 1 and 20, not '0'.")]
    [InlineData("ws --bogus 3", "'--bogus' is not an option of ws.")]
    [InlineData("cluster --port 70000", "--port must be a whole number between 1 and 65,535, not '70000'.")]
    [InlineData("ws 3", "Unexpected argument '3'.")]
    [InlineData("wss --clients 3", "'wss' is not a command; the commands are ws, ws-json, sse, long-poll")]
    [InlineData("", "Name a command: ws, ws-json, sse, long-poll")]
    public async Task NamesTheBadArgumentInOneLineAndExitsWith2(string commandLine, string message)
    {
        var (exitCode, output, error) = await RunAsync(commandLine);

        Assert.Equal(LoadTestApp.CouldNotRun, exitCode);
        var line = Assert.Single(Lines(error));
        Assert.StartsWith($"error: {message}", line, StringComparison.Ordinal);
        Assert.EndsWith(" (--help lists the options)", line, StringComparison.Ordinal);
        Assert.Equal("", output);
    }

    [Theory]
    [InlineData("slow-consumer --clients 4 --slow-clients 4", "Could not start the run: --slow-clients (4) must be fewer than --clients (4): some clients must keep reading.")]
    [InlineData("capacity --clients 100 --start-clients 200", "Could not start the run: --start-clients (200) must not exceed --clients (100), the largest step.")]
    [InlineData("abuse --url http://10.1.2.3:5000", "Could not start the run: abuse attacks from loopback addresses of its own: give it no --url, or one on this machine's loopback.")]
    [InlineData("abuse --agents 2", "Could not start the run: abuse runs against one node, with its bystanders in this process: drop --nodes, --balancers and --agents.")]
    public async Task RefusesOptionsThatDoNotFitTheCommandBeforeStarting(string commandLine, string message)
    {
        var (exitCode, output, error) = await RunAsync(commandLine);

        Assert.Equal(LoadTestApp.CouldNotRun, exitCode);
        Assert.Equal([message], Lines(output));
        Assert.Equal("", error);
    }

    [Fact]
    public async Task HelpIsNotAnError()
    {
        var (exitCode, output, error) = await RunAsync("ws --help");

        Assert.Equal(0, exitCode);
        Assert.Contains("--clients", output);
        Assert.Equal("", error);
    }

    [Fact]
    public void EveryOptionWithAValueRefusesGarbageWithoutThrowing()
    {
        var options = OptionsWithAValue().ToList();
        Assert.NotEmpty(options);
        foreach (var (command, option) in options)
        {
            var result = Root().Parse([command, option, "abc"]);
            Assert.True(result.Errors.Count > 0, $"{command} {option} abc was accepted");
            Assert.All(result.Errors, e => Assert.DoesNotContain("System.", e.Message, StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("-1")]
    [InlineData("0")]
    [InlineData("1e400")]
    [InlineData("9999999999999")]
    [InlineData(",,")]
    public async Task NoOptionThrowsWhateverItIsGiven(string value)
    {
        foreach (var (command, option) in OptionsWithAValue())
        {
            // cluster ignores --url and would start Redis, nodes and a balancer: parsing it must not throw.
            if (command == "cluster")
            {
                _ = Root().Parse([command, option, value]);
                continue;
            }
            var (exitCode, _, error) = await RunAsync(new[] { command, option, value });

            // Refused, or accepted and then unable to reach the server: either way exit code 2 and no stack trace.
            Assert.True(exitCode == LoadTestApp.CouldNotRun, $"{command} {option} '{value}' exited with {exitCode}");
            Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("c100k --clients 30000 --nodes 3")]
    [InlineData("cluster --nodes 3")]
    public void PresetsOverRedisTakeNodesWithoutNamingTheBackplane(string commandLine) =>
        Assert.Empty(Root().Parse(commandLine).Errors);

    [Theory]
    [InlineData("ws --nodes 3", "--nodes above 1 needs --backplane redis")]
    [InlineData("ws --clients 30000", "More than 20000 clients need load agents")]
    public void OtherCommandsStillNeedTheBackplaneAndAgentsNamed(string commandLine, string error) =>
        Assert.Contains(Root().Parse(commandLine).Errors, e => e.Message.StartsWith(error, StringComparison.Ordinal));

    private static RootCommand Root() => LoadTestCommand.Create(new LoadTestApp(TextWriter.Null), [], TextWriter.Null);

    /// <summary>Each command with each option it takes that has a value (shared ones once, under ws), bar the free-text ones.</summary>
    private static IEnumerable<(string Command, string Option)> OptionsWithAValue()
    {
        var root = Root();
        static bool HasValue(Option o) => o is not (HelpOption or VersionOption) && o.ValueType != typeof(bool) && !FreeText.Contains(o.Name);
        foreach (var option in root.Options.Where(HasValue)) yield return ("ws", option.Name);
        foreach (var command in root.Subcommands)
            foreach (var option in command.Options.Where(HasValue)) yield return (command.Name, option.Name);
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static Task<(int ExitCode, string Output, string Error)> RunAsync(string commandLine) =>
        RunAsync(commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries));

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(string[] args)
    {
        // A server that cannot be reached: were a bad argument let through, the run would fail to start instead of running.
        args = [.. args, "--url", "http://127.0.0.1:1/"];
        using var output = new StringWriter();
        using var error = new StringWriter();
        int exitCode = await LoadTestCommand.RunAsync(args, output, error).WaitAsync(Timeout);
        return (exitCode, output.ToString(), error.ToString());
    }
}
