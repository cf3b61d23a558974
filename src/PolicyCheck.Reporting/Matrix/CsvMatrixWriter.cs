using PolicyCheck.Core.Engine;
using static PolicyCheck.Reporting.Formats.CsvText;

namespace PolicyCheck.Reporting.Matrix;

/// <summary>
/// An RFC 4180 matrix: a header <c>from,&lt;to id&gt;,…</c>, then one record per source subject. A cell holds the
/// allowed port set as <see cref="PolicyCheck.Core.Engine.PortSet.ToString"/> writes it (<c>all</c>,
/// <c>TCP 80,8080-8090; UDP 53</c>; empty when nothing is allowed), which <c>PortSet.TryParse</c> reads back; with a
/// port query, <c>true</c> or <c>false</c>. The diagonal is what a subject may send itself, as in JSON. Fields
/// holding a comma, quote or line break are quoted with quotes doubled; records end in CRLF as the RFC says. One
/// record per subject is the point of CSV, so a report with groups is rejected.
/// </summary>
internal sealed class CsvMatrixWriter : IMatrixWriter
{
    private const string RecordEnd = "\r\n";


    public void Write(MatrixReport report, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        report.Validate();
        report.RejectGroups("CSV");
        var cells = report.Cells();
        var n = cells.Count;

        output.Write("from");
        for (var column = 0; column < n; column++)
        {
            output.Write(',');
            WriteInputField(output, cells.IdOf(column));
        }

        output.Write(RecordEnd);
        var allowed = report.Port is null ? new PortSet[n] : null;
        for (var row = 0; row < n; row++)
        {
            WriteInputField(output, cells.IdOf(row));
            if (allowed is not null)
                cells.AllowedRow(row, allowed);
            for (var column = 0; column < n; column++)
            {
                output.Write(',');
                if (allowed is null)
                    output.Write(cells.IsPortAllowed(row, column) ? "true" : "false");
                else if (!allowed[column].IsEmpty)
                    WriteField(output, allowed[column].ToString());
            }

            output.Write(RecordEnd);
        }
    }
}
