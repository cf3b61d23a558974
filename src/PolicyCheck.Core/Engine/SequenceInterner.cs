namespace PolicyCheck.Core.Engine;

/// <summary>
/// Gives each distinct sequence a dense id (0, 1, 2 … in order of first sight), so a key can hold one int per
/// list. The interner keeps the arrays it is given: pass arrays nobody changes afterwards.
/// </summary>
internal sealed class SequenceInterner<T>
    where T : IEquatable<T>
{
    private readonly Dictionary<T[], int> _ids = new(SequenceComparer.Instance);

    public int Count => _ids.Count;

    public int Intern(T[] sequence)
    {
        if (!_ids.TryGetValue(sequence, out var id))
        {
            id = _ids.Count;
            _ids[sequence] = id;
        }

        return id;
    }

    private sealed class SequenceComparer : IEqualityComparer<T[]>
    {
        public static SequenceComparer Instance { get; } = new();

        public bool Equals(T[]? x, T[]? y) => ReferenceEquals(x, y) || (x is not null && y is not null && x.AsSpan().SequenceEqual(y));

        public int GetHashCode(T[] obj)
        {
            var hash = new HashCode();
            foreach (var item in obj)
                hash.Add(item);
            return hash.ToHashCode();
        }
    }
}
