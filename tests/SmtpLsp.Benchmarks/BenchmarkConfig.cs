using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace SmtpLsp.Benchmarks;

/// <summary>
/// In-process (no per-benchmark project build on a shared 2-core box) and short: a whole run fits in a few minutes.
/// Medians with min and max, as docs/performance.md reports them. Ten warm-up iterations: a method that runs once per
/// operation (a rule's pass over all keys) is promoted from the quick tier-0 JIT code after 30 calls, so with fewer the
/// measured iterations of a 100 ms operation still ran part unoptimised code. The shipped server is compiled ahead of
/// time, optimised from the first call, so the steady state is what it runs.
/// </summary>
public sealed class BenchmarkConfig : ManualConfig
{
    public BenchmarkConfig()
    {
        AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance).WithWarmupCount(10).WithIterationCount(15).WithLaunchCount(1));
        AddColumn(StatisticColumn.Median, StatisticColumn.Min, StatisticColumn.Max);
        AddDiagnoser(MemoryDiagnoser.Default);
        AddColumnProvider(DefaultColumnProviders.Instance);
        AddLogger(BenchmarkDotNet.Loggers.ConsoleLogger.Default);
        AddExporter(BenchmarkDotNet.Exporters.MarkdownExporter.GitHub);
        WithOptions(ConfigOptions.DisableOptimizationsValidator);
    }
}
