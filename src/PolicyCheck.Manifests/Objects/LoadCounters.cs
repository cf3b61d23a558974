namespace PolicyCheck.Manifests.Objects;

/// <summary>The running counts behind <see cref="LoadStatistics"/>.</summary>
internal sealed class LoadCounters
{
    public int Files { get; set; }

    public int Documents { get; set; }

    public int Objects { get; set; }

    public SortedDictionary<string, int> SkippedKinds { get; } = new(StringComparer.Ordinal);

    public void Skip(string kind) => SkippedKinds[kind] = SkippedKinds.GetValueOrDefault(kind) + 1;
}
