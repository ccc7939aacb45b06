using BenchmarkDotNet.Running;

// npm run bench -- --filter '*'   (BenchmarkDotNet's own arguments: --job short, --filter *FanOut*, ...)
BenchmarkSwitcher.FromAssembly(typeof(StockStream.Benchmarks.FanOutBenchmarks).Assembly).Run(args);
