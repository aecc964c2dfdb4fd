using BenchmarkDotNet.Running;

// Run all benchmarks: dotnet run -c Release --project bench/SerAdapt.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
