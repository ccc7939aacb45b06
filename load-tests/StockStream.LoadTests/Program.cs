using StockStream.LoadTests.Cli;

// `npm run load -- compare --clients 50 --duration 10s`; see load-tests/README.md.
return await LoadTestCommand.RunAsync(args, Console.Out, Console.Error);
