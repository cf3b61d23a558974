using System.Collections.Immutable;
using PolicyCheck.Core.Model;

namespace PolicyCheck.Manifests;

/// <summary>
/// The objects of a load by file, sorted by first line, so the object holding a span is a binary search away: lint
/// asks once per finding, and tens of thousands of findings over tens of thousands of objects made a scan quadratic.
/// </summary>
public sealed class ObjectIndex
{
    private readonly Dictionary<string, ObjectLocation[]> _byPath;

    public ObjectIndex(ImmutableArray<ObjectLocation> objects)
    {
        _byPath = objects
            .GroupBy(o => o.Span.Path, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(o => o.Span.Line).ToArray(), StringComparer.Ordinal);
    }

    /// <summary>The innermost object whose span holds <paramref name="span"/> (the latest-starting one), or null.</summary>
    public ObjectLocation? At(SourceSpan span)
    {
        if (!_byPath.TryGetValue(span.Path, out var objects))
            return null;
        // The last object starting at or before the span's line, then back to the first that still covers it.
        int low = 0, high = objects.Length - 1, last = -1;
        while (low <= high)
        {
            var middle = low + ((high - low) / 2);
            if (objects[middle].Span.Line <= span.Line)
            {
                last = middle;
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        for (var i = last; i >= 0; i--)
        {
            if (objects[i].Covers(span))
                return objects[i];
        }

        return null;
    }
}
