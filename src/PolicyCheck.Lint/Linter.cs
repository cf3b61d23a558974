using System.Collections.Immutable;
using PolicyCheck.Core.Diagnostics;
using PolicyCheck.Core.Engine;
using PolicyCheck.Core.Model;

namespace PolicyCheck.Lint;

/// <summary>Runs rules over a cluster and its evaluation.</summary>
public static class Linter
{
    /// <summary>
    /// Runs <paramref name="rules"/> (every rule of <see cref="RuleCatalog.All"/> when null) and returns the findings
    /// sorted by path, line, column and ID.
    /// </summary>
    public static ImmutableArray<Diagnostic> Run(
        Cluster cluster, ReachabilityMatrix matrix, EvaluationOptions? options = null, IEnumerable<LintRule>? rules = null)
    {
        var context = new LintContext(cluster, matrix, options ?? EvaluationOptions.Default);
        foreach (var rule in rules ?? RuleCatalog.All)
            rule.Analyze(context);
        return Sort(context.Diagnostics);
    }

    /// <summary>The order every output uses: path (ordinal), line, column, ID, then message.</summary>
    public static ImmutableArray<Diagnostic> Sort(IEnumerable<Diagnostic> diagnostics) =>
    [
        .. diagnostics
            .OrderBy(d => d.Span.Path, StringComparer.Ordinal)
            .ThenBy(d => d.Span.Line)
            .ThenBy(d => d.Span.Column)
            .ThenBy(d => d.Id, StringComparer.Ordinal)
            .ThenBy(d => d.Message, StringComparer.Ordinal),
    ];
}
