using BenchmarkDotNet.Running;

// dotnet run -c Release --project benchmarks/MCPilot.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
