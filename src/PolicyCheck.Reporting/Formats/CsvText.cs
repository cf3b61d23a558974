using System.Buffers;

namespace PolicyCheck.Reporting.Formats;

/// <summary>RFC 4180 fields shared by the CSV writers.</summary>
internal static class CsvText
{
    private static readonly SearchValues<char> NeedsQuotes = SearchValues.Create(",\"\r\n");

    /// <summary>
    /// What makes a spreadsheet read a cell as a formula (OWASP "CSV Injection"): <c>=</c>, <c>+</c>, <c>-</c>,
    /// <c>@</c>, and tab or carriage return, which some spreadsheets skip before looking for one of those.
    /// </summary>
    private static readonly SearchValues<char> FormulaStart = SearchValues.Create("=+-@\t\r");

    /// <summary>A field our writer composes (a port set, <c>true</c>): quoted only when the RFC needs it.</summary>
    internal static void WriteField(TextWriter output, string value)
    {
        if (!value.AsSpan().ContainsAny(NeedsQuotes))
        {
            output.Write(value);
            return;
        }

        output.Write('"');
        output.Write(value.Replace("\"", "\"\"", StringComparison.Ordinal));
        output.Write('"');
    }

    /// <summary>
    /// A field from the input (a subject id, a name, a label, a path). One that a spreadsheet would take for a formula
    /// is written quoted with a leading <c>'</c>, which spreadsheets show as text and do not evaluate; any other is
    /// written as <see cref="WriteField"/> does. Subject ids are <c>namespace/name</c>, so ordinary ones never start
    /// with one of those characters (Kubernetes names start with a letter or digit).
    /// </summary>
    internal static void WriteInputField(TextWriter output, string value)
    {
        if (value.Length == 0 || !FormulaStart.Contains(value[0]))
        {
            WriteField(output, value);
            return;
        }

        output.Write("\"'");
        output.Write(value.Replace("\"", "\"\"", StringComparison.Ordinal));
        output.Write('"');
    }
}
