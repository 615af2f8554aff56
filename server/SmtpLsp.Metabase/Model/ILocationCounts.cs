namespace SmtpLsp.Metabase.Model;

/// <summary>What the cross-key rules ask of a model's keys by Location: who is first at a path, and how many are there.</summary>
internal interface ILocationCounts
{
    /// <summary>True when two keys share a Location.</summary>
    bool HasDuplicates { get; }

    /// <summary>The number of the first key at this normalised path (case-insensitive) and how many keys are there; (-1, 0) when none.</summary>
    (int First, int Count) Find(ReadOnlySpan<char> normalizedLocation);

    /// <summary>The numbers of every key whose Location another key shares, ascending: all the duplicate rule reads.</summary>
    IReadOnlyList<int> DuplicatedKeys();
}
