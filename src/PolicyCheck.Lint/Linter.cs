using System.Collections.Immutable;
using PolicyCheck.Core.Diagnostics;
using PolicyCheck.Core.Engine;
using PolicyCheck.Core.Model;
using PolicyCheck.Lint.Settings;

namespace PolicyCheck.Lint;

/// <summary>Runs rules over a cluster and its evaluation.</summary>
public static class Linter
{
    /// <summary>
    /// Runs <paramref name="rules"/> (every rule of <see cref="RuleCatalog.All"/> when null) that
    /// <paramref name="settings"/> leaves enabled, and returns the findings, with the severities the settings give,
    /// sorted by path, line, column and ID. Invalid settings throw: validate them first and report the errors.
    /// </summary>
    public static ImmutableArray<Diagnostic> Run(
        Cluster cluster,
        ReachabilityMatrix matrix,
        EvaluationOptions? options = null,
        IEnumerable<LintRule>? rules = null,
        LintSettings? settings = null)
    {
        settings ??= LintSettings.Default;
        var ruleList = (rules ?? RuleCatalog.All).ToList();
        if (settings.Validate(RuleCatalog.All.Concat(ruleList).DistinctBy(r => r.Descriptor.Id)) is [var first, ..])
            throw new ArgumentException($"Invalid lint settings: {first}", nameof(settings));
        var context = new LintContext(cluster, matrix, options ?? EvaluationOptions.Default, settings);
        foreach (var rule in ruleList.Where(r => settings.IsEnabled(r.Descriptor.Id)))
        {
            context.CurrentRule = rule;
            rule.Analyze(context);
        }

        context.CurrentRule = null;
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
