using System.Collections.Immutable;
using PolicyCheck.Core.Engine;
using PolicyCheck.Manifests;

namespace PolicyCheck.Cli.Commands;

/// <summary>
/// What every analysis command's request holds: its inputs and the standard options (<see cref="CommonOptions.StandardOptions"/>
/// and --namespace). Requests are built with named properties, so a call site says which value is which.
/// </summary>
public abstract record CommandRequest
{
    /// <summary>The manifest paths as given ('-' for standard input).</summary>
    public required ImmutableArray<string> Paths { get; init; }

    /// <summary><c>--namespace</c>: the default namespace for objects without one, and the one to show.</summary>
    public string? Namespace { get; init; }

    /// <summary><c>--output-file</c>: write the result to this file instead of stdout.</summary>
    public string? OutputPath { get; init; }

    /// <summary><c>--cni</c> and the switches that override it: the network plugin model to evaluate with.</summary>
    public EvaluationOptions Plugin { get; init; } = EvaluationOptions.Default;

    /// <summary><c>--max-input-size</c>: the most bytes read from one manifest file or standard input; null for the default.</summary>
    public long? MaxInputBytes { get; init; }

    public bool Quiet { get; init; }

    public bool Verbose { get; init; }

    /// <summary><c>--ignore-kind</c>: policy kinds acknowledged as not evaluated (see <see cref="IgnoreKinds"/>).</summary>
    public ImmutableArray<string> IgnoreKinds { get; init; } = [];

    /// <summary>The load-and-evaluate step of this request, on <paramref name="preloaded"/> objects when given.</summary>
    internal AnalysisOptions AnalysisOptions(LoadResult? preloaded = null) => new(Paths)
    {
        Preloaded = preloaded,
        Namespace = Namespace,
        Plugin = Plugin,
        MaxInputBytes = MaxInputBytes ?? LoadOptions.DefaultMaxInputBytes,
        Quiet = Quiet,
        Verbose = Verbose,
        IgnoreKinds = IgnoreKinds,
    };
}
