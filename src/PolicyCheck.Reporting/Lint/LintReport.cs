using System.Collections.Immutable;
using PolicyCheck.Core.Diagnostics;
using PolicyCheck.Core.Engine;

namespace PolicyCheck.Reporting.Lint;

/// <summary>
/// What a lint run found: loader diagnostics and rule findings together, already sorted by path, line, column and
/// ID; and how much input was checked. Suppressed findings are part of <paramref name="Diagnostics"/> but are not
/// counted by severity; text and Markdown show them only with <see cref="ShowSuppressed"/>.
/// </summary>
public sealed record LintReport(ImmutableArray<Diagnostic> Diagnostics, int Files, int Objects)
{
    /// <summary>Whether text and Markdown list suppressed findings (JSON and SARIF always carry them).</summary>
    public bool ShowSuppressed { get; init; }

    /// <summary>The network plugin model the results assume, recorded in JSON (and SARIF); the generic one by default.</summary>
    public EvaluationOptions Plugin { get; init; } = EvaluationOptions.Default;

    /// <summary>The findings that count: every diagnostic that is not suppressed.</summary>
    public IEnumerable<Diagnostic> Active => Diagnostics.Where(d => !d.IsSuppressed);

    /// <summary>What text and Markdown list.</summary>
    public IEnumerable<Diagnostic> Shown => ShowSuppressed ? Diagnostics : Active;

    public int Count(Severity severity) => Active.Count(d => d.Severity == severity);

    public int SuppressedCount => Diagnostics.Count(d => d.IsSuppressed);

    /// <summary>
    /// <c>1 error, 2 warnings in 2 files (4 files, 17 objects checked).</c> (without "in …" when no finding has a
    /// file), or <c>No findings (…).</c>; with suppressed findings, <c>(…; 3 suppressed)</c>.
    /// </summary>
    public string Summary()
    {
        var suppressed = SuppressedCount;
        var checkedText = $"({Plural(Files, "file")}, {Plural(Objects, "object")} checked" +
                          (suppressed > 0 ? $"; {suppressed.ToString(System.Globalization.CultureInfo.InvariantCulture)} suppressed)" : ")");
        if (!Active.Any())
            return $"No findings {checkedText}.";
        var parts = new List<string>();
        foreach (var severity in (ReadOnlySpan<Severity>)[Severity.Error, Severity.Warning, Severity.Note])
        {
            var count = Count(severity);
            if (count > 0)
                parts.Add(Plural(count, severity.ToString().ToLowerInvariant()));
        }

        var files = Active.Select(d => d.Span.Path).Where(p => p.Length > 0).Distinct(StringComparer.Ordinal).Count();
        var where = files == 0 ? string.Empty : $" in {Plural(files, "file")}";
        return $"{string.Join(", ", parts)}{where} {checkedText}.";
    }

    private static string Plural(int count, string noun) =>
        count == 1 ? $"1 {noun}" : $"{count.ToString(System.Globalization.CultureInfo.InvariantCulture)} {noun}s";
}
