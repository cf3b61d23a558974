namespace PolicyCheck.Core.Engine;

/// <summary>Compares int arrays by content, so signatures can be dictionary keys without formatting them as text.</summary>
internal sealed class IntSequenceComparer : IEqualityComparer<int[]>
{
    public static IntSequenceComparer Instance { get; } = new();

    public bool Equals(int[]? x, int[]? y) => ReferenceEquals(x, y) || (x is not null && y is not null && x.AsSpan().SequenceEqual(y));

    public int GetHashCode(int[] obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        var hash = new HashCode();
        hash.AddBytes(System.Runtime.InteropServices.MemoryMarshal.AsBytes(obj.AsSpan()));
        return hash.ToHashCode();
    }
}
