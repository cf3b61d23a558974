using System.Collections.Immutable;
using PolicyCheck.Core.Diagnostics;

namespace PolicyCheck.Reporting.Lint;

/// <summary>
/// What a lint run found: loader diagnostics and rule findings together, already sorted by path, line, column and
/// ID; and how much input was checked.
/// </summary>
public sealed record LintReport(ImmutableArray<Diagnostic> Diagnostics, int Files, int Objects)
{
    public int Count(Severity severity) => Diagnostics.Count(d => d.Severity == severity);

    /// <summary>
    /// <c>1 error, 2 warnings in 2 files (4 files, 17 objects checked).</c> (without "in …" when no finding has a
    /// file), or <c>No findings (…).</c>
    /// </summary>
    public string Summary()
    {
        var checkedText = $"({Plural(Files, "file")}, {Plural(Objects, "object")} checked)";
        if (Diagnostics.IsEmpty)
            return $"No findings {checkedText}.";
        var parts = new List<string>();
        foreach (var severity in (ReadOnlySpan<Severity>)[Severity.Error, Severity.Warning, Severity.Note])
        {
            var count = Count(severity);
            if (count > 0)
                parts.Add(Plural(count, severity.ToString().ToLowerInvariant()));
        }

        var files = Diagnostics.Select(d => d.Span.Path).Where(p => p.Length > 0).Distinct(StringComparer.Ordinal).Count();
        var where = files == 0 ? string.Empty : $" in {Plural(files, "file")}";
        return $"{string.Join(", ", parts)}{where} {checkedText}.";
    }

    private static string Plural(int count, string noun) =>
        count == 1 ? $"1 {noun}" : $"{count.ToString(System.Globalization.CultureInfo.InvariantCulture)} {noun}s";
}
