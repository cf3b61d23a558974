using PolicyCheck.Core.Engine;
using PolicyCheck.Manifests;

namespace PolicyCheck.Cli.Commands;

/// <summary>What <see cref="Analysis.LoadAndEvaluate"/> loads and how it reports.</summary>
/// <param name="Paths">The manifest paths, less what the configuration ignores.</param>
internal sealed record AnalysisOptions(IReadOnlyList<string> Paths)
{
    /// <summary>Objects already loaded (<c>policycheck audit</c> reads them from a cluster, where no path applies).</summary>
    public LoadResult? Preloaded { get; init; }

    public string? Namespace { get; init; }

    /// <summary>The network plugin model to evaluate with.</summary>
    public EvaluationOptions Plugin { get; init; } = EvaluationOptions.Default;

    /// <summary>The most bytes read from one manifest file or standard input.</summary>
    public long MaxInputBytes { get; init; } = LoadOptions.DefaultMaxInputBytes;

    public bool Quiet { get; init; }

    /// <summary>
    /// Whether to evaluate with the cluster DNS the inputs lack, as <see cref="Core.Services.ClusterDns.WithDns"/>
    /// assumes it, when a policy restricts egress (so the DNS's reachability depends on the policies). The loaded
    /// objects stay as they are; the matrix then holds the assumed subjects, marked as such.
    /// </summary>
    public bool AssumeClusterDns { get; init; }

    public bool Verbose { get; init; }

    /// <summary><c>--ignore-kind</c> values; the configuration's <c>ignore-kinds:</c> (<see cref="Terminal.IgnoredKinds"/>) add to them.</summary>
    public IReadOnlyList<string> IgnoreKinds { get; init; } = [];

    /// <summary>Whether the loader's diagnostics go to stderr (lint and diff print them their own way).</summary>
    public bool PrintDiagnostics { get; init; } = true;

    /// <summary>
    /// Where a file of <see cref="Paths"/> stands in the work tree when the paths are a copy (a git ref's files in a
    /// temporary folder), so the globs match it as they would the real file; null when the paths are the files.
    /// </summary>
    public Func<string, string>? WorkTreePath { get; init; }
}
