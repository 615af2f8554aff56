using BenchmarkDotNet.Running;
using SmtpLsp.Benchmarks;

// "memory" and "latency" are quick Stopwatch/GC reports (p99 and retained bytes, which BenchmarkDotNet does not
// give); anything else goes to BenchmarkDotNet, e.g. --filter '*Throughput*'.
return args.FirstOrDefault() switch
{
    "memory" => RetainedMemory.Run(args.Skip(1).ToArray()),
    "latency" => Latency.Run(args.Skip(1).ToArray()),
    _ => Run(args),
};

static int Run(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(ThroughputBenchmarks).Assembly).Run(args);
    return 0;
}
