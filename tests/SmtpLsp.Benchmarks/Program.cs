using BenchmarkDotNet.Running;
using SmtpLsp.Benchmarks;

// "generate MB path" writes a document; "memory" and "latency" are quick Stopwatch/GC reports (p99 and retained bytes, which BenchmarkDotNet does not
// give); "paired MB rounds" takes the throughput ratios round by round; anything else goes to BenchmarkDotNet, e.g. --filter '*Throughput*'.
return args.FirstOrDefault() switch
{
    "memory" => RetainedMemory.Run(args.Skip(1).ToArray()),
    "latency" => Latency.Run(args.Skip(1).ToArray()),
    "breakdown" => Breakdown.Run(args.Skip(1).ToArray()),
    "paired" => PairedThroughput.Run(args.Skip(1).ToArray()),
    "generate" => Generate(int.Parse(args[1]), args[2]),
    _ => Run(args),
};

static int Generate(int megabytes, string path)
{
    File.WriteAllText(path, SmtpLsp.Metabase.Tests.TestSupport.LargeMetabaseGenerator.Generate(megabytes * 1024 * 1024, seed: 1),
        new System.Text.UTF8Encoding(false));
    return 0;
}

static int Run(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(ThroughputBenchmarks).Assembly).Run(args);
    return 0;
}
