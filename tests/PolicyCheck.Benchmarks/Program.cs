using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(PolicyCheck.Benchmarks.PipelineBenchmarks).Assembly).Run(args);
