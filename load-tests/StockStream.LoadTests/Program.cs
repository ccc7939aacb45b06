using System.CommandLine;
using StockStream.LoadTests.Cli;

// `npm run load -- compare --clients 50 --duration 10s`; see load-tests/README.md.
var root = LoadTestCommand.Create(new LoadTestApp(Console.Out), args);
// Ctrl+C cancels the run; it then closes its connections, stops the server it started and writes the reports.
return await root.Parse(args).InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = TimeSpan.FromSeconds(30) });
