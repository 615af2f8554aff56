using System.Diagnostics;

namespace SmtpLsp.Benchmarks;

/// <summary>
/// The throughput targets as ratios taken round by round: each round runs XmlReader, File.ReadAllText and parse +
/// full analysis once each, back to back, in a rotating order, and the ratios are computed within the round. On a
/// shared host whose speed drifts over minutes, BenchmarkDotNet measures one method's iterations and then the
/// next's, so a slow spell can fall on one of them only; here every ratio compares runs a few hundred milliseconds
/// apart. Same methods as <see cref="ThroughputBenchmarks"/>. As in BenchmarkDotNet, a full collection comes before
/// each method's turn, outside the clock, and a fast method runs several times per turn (about 100 ms of work), so a
/// collection's aftermath is not charged to one short call.
/// </summary>
internal static class PairedThroughput
{
    private const int WarmupRounds = 10;
    private const double TurnMs = 100;

    /// <summary>"paired 50 30": 30 measured rounds on the 50 MiB document.</summary>
    public static int Run(string[] args)
    {
        int megabytes = args.Length > 0 ? int.Parse(args[0]) : 50;
        int rounds = args.Length > 1 ? int.Parse(args[1]) : 30;
        var bench = new ThroughputBenchmarks { Megabytes = megabytes };
        bench.Setup();
        Func<int>[] methods = [bench.XmlReaderFromString, bench.FileReadAllText, bench.ParseAndAnalyze];
        var times = new List<double>[methods.Length];
        for (int m = 0; m < methods.Length; m++) times[m] = new List<double>();
        var repeats = new int[methods.Length];
        for (int m = 0; m < methods.Length; m++)
        {
            var once = Stopwatch.StartNew();
            methods[m]();
            repeats[m] = Math.Max(1, (int)(TurnMs / Math.Max(0.01, once.Elapsed.TotalMilliseconds)));
        }

        for (int round = 0; round < WarmupRounds + rounds; round++)
        {
            var inRound = new double[methods.Length];
            for (int k = 0; k < methods.Length; k++)
            {
                int m = (round + k) % methods.Length;
                GC.Collect();
                GC.WaitForPendingFinalizers();
                var watch = Stopwatch.StartNew();
                for (int r = 0; r < repeats[m]; r++) methods[m]();
                inRound[m] = watch.Elapsed.TotalMilliseconds / repeats[m];
            }
            if (round < WarmupRounds) continue;
            for (int m = 0; m < methods.Length; m++) times[m].Add(inRound[m]);
        }

        var ours = times[2];
        var versusXmlReader = ours.Select((t, i) => times[0][i] / t).ToList();
        var versusReadAllText = ours.Select((t, i) => times[1][i] / t).ToList();
        Console.WriteLine($"{megabytes} MiB, {rounds} rounds after {WarmupRounds} warm-up, medians (min..max):");
        Console.WriteLine($"  XmlReader over the string     {Summary(times[0])} ms");
        Console.WriteLine($"  File.ReadAllText              {Summary(times[1])} ms");
        Console.WriteLine($"  parse + model + analysis      {Summary(ours)} ms");
        Console.WriteLine($"  throughput vs XmlReader       {Summary(versusXmlReader, "F2")}x per round; 2x or more in {Share(versusXmlReader, 2.0)} of rounds");
        Console.WriteLine($"  rate vs ReadAllText           {Summary(versusReadAllText.Select(r => r * 100).ToList(), "F0")}% per round; 60% or more in {Share(versusReadAllText, 0.6)} of rounds");
        return 0;
    }

    private static string Summary(List<double> values, string format = "F1")
    {
        var sorted = values.Order().ToList();
        return $"{sorted[sorted.Count / 2].ToString(format)} ({sorted[0].ToString(format)}..{sorted[^1].ToString(format)})";
    }

    private static string Share(List<double> ratios, double threshold) =>
        $"{ratios.Count(r => r >= threshold)}/{ratios.Count}";
}
