using PolicyCheck.Core.Engine;

namespace PolicyCheck.Reporting.Explain;

/// <summary>The lines that say what each end matched, when it did not name exactly one subject.</summary>
internal static class ExplainMatches
{
    public static IEnumerable<string> Lines(ExplainReport report)
    {
        if (report.FromSubjects.Length != 1)
            yield return Line(report.Wording.From, report.FromQuery, report.FromSubjects);
        if (report.ToSubjects.Length != 1)
            yield return Line(report.Wording.To, report.ToQuery, report.ToSubjects);
    }

    private static string Line(string end, string query, IReadOnlyCollection<Subject> subjects) =>
        $"{end} '{query}' matches {subjects.Count} subjects: {string.Join(", ", subjects.Select(s => s.Id))}";
}
