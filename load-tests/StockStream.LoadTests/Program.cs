using StockStream.LoadTests.Cli;

// `npm run load -- compare --clients 50 --duration 10s`; see load-tests/README.md.
var root = LoadTestCommand.Create(new LoadTestApp(Console.Out), args);
return await root.Parse(args).InvokeAsync();
