namespace SmtpLsp.Metabase.Analysis;

/// <summary>
/// Runs per-key work over contiguous ranges of keys, one range per worker, so each worker fills its own output and
/// the outputs joined in range order equal a sequential pass. Small documents stay on the calling thread.
/// </summary>
internal static class KeyPartitions
{
    /// <summary>Below this many items per worker, starting threads costs more than it saves.</summary>
    public const int DefaultMinItemsPerWorker = 2048;

    public static int WorkerCount(int count, int minItemsPerWorker) =>
        Math.Clamp(count / Math.Max(1, minItemsPerWorker), 1, Environment.ProcessorCount);

    /// <summary>The first item of range <paramref name="worker"/> of <paramref name="workers"/> (the end of the last one for workers).</summary>
    public static int RangeStart(int count, int workers, int worker) => (int)((long)count * worker / workers);

    /// <summary>
    /// Calls <paramref name="work"/>(worker, start, end) for each range; with one worker, inline. A cancelled token
    /// surfaces as <see cref="OperationCanceledException"/>, as in a sequential pass.
    /// </summary>
    public static void Run(int count, int workers, CancellationToken ct, Action<int, int, int> work)
    {
        if (workers <= 1)
        {
            work(0, 0, count);
            return;
        }
        var options = new ParallelOptions { MaxDegreeOfParallelism = workers, CancellationToken = ct };
        try
        {
            Parallel.For(0, workers, options, w => work(w, RangeStart(count, workers, w), RangeStart(count, workers, w + 1)));
        }
        catch (AggregateException e) when (ct.IsCancellationRequested && AllCancellations(e))
        {
            throw new OperationCanceledException(ct);
        }
    }

    private static bool AllCancellations(AggregateException e)
    {
        foreach (var inner in e.Flatten().InnerExceptions)
        {
            if (inner is not OperationCanceledException) return false;
        }
        return true;
    }
}
