using System.Collections.Immutable;
using PolicyCheck.Core.Diagnostics;

namespace PolicyCheck.Lint.Suppression;

/// <summary>Marks findings that <c>policycheck.io/ignore</c> annotations suppress, and reports annotations that name unknown rules.</summary>
public static class Suppressions
{
    /// <summary>
    /// <paramref name="findings"/> with those an annotation covers marked as suppressed in source (the reason as the
    /// justification), plus a warning at each annotation for every ID not in <paramref name="knownIds"/>.
    /// </summary>
    public static ImmutableArray<Diagnostic> ApplyAnnotations(
        IEnumerable<Diagnostic> findings, IEnumerable<ObjectSuppression> annotations, IReadOnlySet<string> knownIds)
    {
        ArgumentNullException.ThrowIfNull(findings);
        ArgumentNullException.ThrowIfNull(annotations);
        ArgumentNullException.ThrowIfNull(knownIds);
        var all = annotations.ToList();
        var result = ImmutableArray.CreateBuilder<Diagnostic>();
        foreach (var finding in findings)
        {
            var by = finding.IsSuppressed ? null : all.FirstOrDefault(a => a.RuleIds.Contains(finding.Id, StringComparer.Ordinal) && a.Covers(finding.Span));
            result.Add(by is null ? finding : finding with
            {
                Suppression = new DiagnosticSuppression(SuppressionKind.InSource, by.Reason ?? $"Suppressed by the {ObjectSuppression.AnnotationKey} annotation."),
            });
        }

        foreach (var annotation in all)
        {
            foreach (var id in annotation.RuleIds.Where(id => !knownIds.Contains(id)))
                result.Add(Diagnostic.Create(SuppressionDiagnostics.UnknownRuleInAnnotation, annotation.AnnotationSpan, id));
        }

        return Linter.Sort(result);
    }
}
