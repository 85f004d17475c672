using BenchmarkDotNet.Running;

// dotnet run -c Release --project tests/Chanjing.Sdk.Benchmarks -- --filter '*' [--job short]
// Results are copied into tests/Chanjing.Sdk.Benchmarks/results/ and committed.
BenchmarkSwitcher.FromAssembly(typeof(Chanjing.Sdk.Benchmarks.ClientBenchmarks).Assembly).Run(args);
