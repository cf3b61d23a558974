using System.Globalization;
using PolicyCheck.Core.Diff;
using PolicyCheck.Core.Engine;

namespace PolicyCheck.Reporting.Diff;

/// <summary>
/// What changed from <paramref name="Base"/> to <paramref name="Head"/> (labels for people, such as a git ref or a
/// path): reachability and lint findings, already computed and filtered.
/// </summary>
/// <param name="Color">ANSI colour in the text format (only on a terminal).</param>
/// <param name="CompleteListHint">
/// Where a Markdown table cut short tells the reader to find the rest (the host's command for the full JSON), as a
/// sentence; <c>null</c> says only that rows were left out.
/// </param>
public sealed record DiffReport(
    string Base, string Head, ConnectionDelta Connections, FindingDelta Findings, bool Color = false, string? CompleteListHint = null)
{
    /// <summary>The minus sign of the headline (U+2212), which reads better than a hyphen next to a plus.</summary>
    public const string Minus = "\u2212";

    /// <summary>The network plugin model the results assume, recorded in JSON (and SARIF); the generic one by default.</summary>
    public EvaluationOptions Plugin { get; init; } = EvaluationOptions.Default;

    public bool IsEmpty => Connections.IsEmpty && Findings.IsEmpty;

    /// <summary>
    /// One line for people: <c>+3 connections, −1, 2 changed, +1 subject, −0, 2 new findings, 1 fixed</c>; the
    /// changed, subject and fixed parts only when not zero.
    /// </summary>
    public string Headline()
    {
        var c = Connections;
        var parts = new List<string> { $"+{Plural(c.Added.Length, "connection")}", $"{Minus}{Count(c.Removed.Length)}" };
        if (!c.Changed.IsEmpty)
            parts.Add($"{Count(c.Changed.Length)} changed");
        if (!c.SubjectsAdded.IsEmpty || !c.SubjectsRemoved.IsEmpty)
        {
            parts.Add($"+{Plural(c.SubjectsAdded.Length, "subject")}");
            parts.Add($"{Minus}{Count(c.SubjectsRemoved.Length)}");
        }

        parts.Add($"{Count(Findings.Introduced.Length)} new {(Findings.Introduced.Length == 1 ? "finding" : "findings")}");
        if (!Findings.Fixed.IsEmpty)
            parts.Add($"{Count(Findings.Fixed.Length)} fixed");
        return string.Join(", ", parts);
    }

    /// <summary>How a change's end reads: the id, with the diagonal spelled out.</summary>
    public static string Pair(ConnectionChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return Formats.FlowText.Pair(change.From, change.To, change.IsBetweenReplicas);
    }

    private static string Count(int count) => count.ToString(CultureInfo.InvariantCulture);

    private static string Plural(int count, string noun) => count == 1 ? $"1 {noun}" : $"{Count(count)} {noun}s";
}
