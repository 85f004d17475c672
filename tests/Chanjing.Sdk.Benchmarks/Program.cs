using BenchmarkDotNet.Running;

// The whole suite (about 10 minutes on 2 cores):   dotnet run -c Release --project tests/Chanjing.Sdk.Benchmarks -- --filter '*'
// A quick look (about 3 minutes):                  dotnet run -c Release --project tests/Chanjing.Sdk.Benchmarks -- --filter '*' --job short
// Results and what they mean: docs/benchmarks.md.
BenchmarkSwitcher.FromAssembly(typeof(Chanjing.Sdk.Benchmarks.OperationBenchmarks).Assembly).Run(args);
