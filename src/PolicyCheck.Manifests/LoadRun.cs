using System.Collections.Immutable;
using PolicyCheck.Core.Diagnostics;
using PolicyCheck.Core.Model;
using PolicyCheck.Manifests.Grouping;
using PolicyCheck.Manifests.Objects;
using PolicyCheck.Yaml;

namespace PolicyCheck.Manifests;

/// <summary>One load: texts in, one <see cref="LoadResult"/> out.</summary>
internal sealed class LoadRun
{
    private readonly LoadOptions _options;
    private readonly CancellationToken _cancellationToken;
    private readonly ClusterBuilder _builder;
    private readonly LoadCounters _counters = new();

    public LoadRun(LoadOptions options, CancellationToken cancellationToken)
    {
        _options = options;
        _cancellationToken = cancellationToken;
        _builder = new ClusterBuilder(Diagnostics);
    }

    public List<Diagnostic> Diagnostics { get; } = [];

    public List<ObjectLocation> Locations { get; } = [];

    /// <summary>Reads every document of one text; an input with none at all gets a note.</summary>
    /// <param name="countsAsFile">False for the objects of one cluster read, which together count as one input.</param>
    public void Load(string text, string path, bool countsAsFile = true)
    {
        if (countsAsFile)
            _counters.Files++;
        var reported = Diagnostics.Count;
        var documents = 0;
        var objects = new ObjectReader(path, Diagnostics, _options, _builder, _counters, Locations);
        new YamlDocumentReader(path, Diagnostics, IsSkipped).Read(text, document =>
        {
            documents++;
            objects.Read(document);
        }, _cancellationToken);
        _counters.Documents += documents;
        if (documents == 0 && Diagnostics.Count == reported)
            Diagnostics.Add(Diagnostic.Create(LoadDiagnostics.EmptyInput, SourceSpan.At(path, 1, 1), path));
    }

    /// <summary>Whether the loader skips the kind: a custom resource the operator catalogue turns into pods is read.</summary>
    private bool IsSkipped(string kind, string apiVersion) =>
        ManifestKinds.IsSkipped(kind, apiVersion) &&
        !(_options.Operators.TryFind(ManifestKinds.Group(apiVersion), kind, out var entry) && entry.Creates != Operators.OperatorCreates.Nothing);

    /// <summary>Counts an input that is not a file, such as one read of a cluster.</summary>
    public void CountInput() => _counters.Files++;

    public LoadResult Complete()
    {
        var cluster = _builder.Build();
        var statistics = new LoadStatistics(_counters.Files, _counters.Documents, _counters.Objects,
            _counters.SkippedKinds.ToImmutableSortedDictionary(StringComparer.Ordinal));
        return new LoadResult(cluster, [.. Diagnostics], statistics) { Objects = [.. Locations] };
    }
}
