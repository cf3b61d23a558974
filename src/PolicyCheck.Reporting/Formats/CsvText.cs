using System.Buffers;

namespace PolicyCheck.Reporting.Formats;

/// <summary>RFC 4180 fields shared by the CSV writers.</summary>
internal static class CsvText
{
    private static readonly SearchValues<char> NeedsQuotes = SearchValues.Create(",\"\r\n");

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
}
