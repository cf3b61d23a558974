using System.Collections.Frozen;
using System.Collections.Immutable;

namespace PolicyCheck.Manifests.Operators;

/// <summary>
/// The operator entries a load uses: the shipped <c>policies/operators.yaml</c> (embedded in this assembly, so the
/// installed tool has it) and, on top, the entries of a <c>.policycheck.yaml</c>. One entry per group and kind; a
/// later entry replaces an earlier one.
/// </summary>
public sealed class OperatorCatalog
{
    /// <summary>The name of the shipped catalogue, as messages and <c>--verbose</c> cite it.</summary>
    public const string ShippedPath = "policies/operators.yaml";

    private static readonly Lazy<OperatorCatalog> LazyShipped = new(LoadShipped);
    private readonly FrozenDictionary<(string Group, string Kind), OperatorEntry> _byKind;

    private OperatorCatalog(ImmutableArray<OperatorEntry> entries)
    {
        var byKind = new Dictionary<(string, string), OperatorEntry>();
        foreach (var entry in entries)
            byKind[(entry.Group, entry.Kind)] = entry;
        _byKind = byKind.ToFrozenDictionary();
        Entries = [.. byKind.Values.OrderBy(e => e.Group, StringComparer.Ordinal).ThenBy(e => e.Kind, StringComparer.Ordinal)];
    }

    public static OperatorCatalog Empty { get; } = new([]);

    /// <summary>The catalogue shipped with PolicyCheck.</summary>
    public static OperatorCatalog Shipped => LazyShipped.Value;

    /// <summary>One entry per group and kind, by group then kind.</summary>
    public ImmutableArray<OperatorEntry> Entries { get; }

    /// <summary>This catalogue with <paramref name="entries"/> added, each replacing an entry of the same group and kind.</summary>
    public OperatorCatalog With(IEnumerable<OperatorEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        return new OperatorCatalog([.. _byKind.Values, .. entries]);
    }

    public bool TryFind(string group, string kind, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out OperatorEntry? entry) =>
        _byKind.TryGetValue((group, kind), out entry);

    private static OperatorCatalog LoadShipped()
    {
        using var stream = typeof(OperatorCatalog).Assembly.GetManifestResourceStream(ShippedPath)
            ?? throw new InvalidOperationException($"The shipped operator catalogue '{ShippedPath}' is not embedded.");
        using var reader = new StreamReader(stream);
        var errors = new List<OperatorCatalogError>();
        var entries = OperatorCatalogReader.ReadFile(reader.ReadToEnd(), ShippedPath, errors);
        if (errors.Count > 0)
            throw new InvalidOperationException($"The shipped operator catalogue is invalid: {errors[0].Span}: {errors[0].Message}");
        return new OperatorCatalog(entries);
    }
}
