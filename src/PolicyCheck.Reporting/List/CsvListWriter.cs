using static PolicyCheck.Reporting.Formats.CsvText;

namespace PolicyCheck.Reporting.List;

/// <summary>
/// RFC 4180 records <c>from,to,allowed,betweenReplicas</c>, one per listed pair in list order. <c>from</c> and
/// <c>to</c> are subject ids; <c>allowed</c> is a port set as <see cref="PolicyCheck.Core.Engine.PortSet.ToString"/>
/// writes it (<c>all</c>, <c>TCP 80,8080-8090; UDP 53</c>); <c>betweenReplicas</c> is filled only on a workload's
/// own pair when it has two or more pods (<c>none</c> when they may not reach each other). Fields holding a comma,
/// quote or line break are quoted with quotes doubled; records end in CRLF. The exposure summary is not part of it.
/// </summary>
internal sealed class CsvListWriter : IListWriter
{
    private const string RecordEnd = "\r\n";


    public void Write(ListReport report, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        var subjects = report.Matrix.Subjects;
        output.Write("from,to,allowed,betweenReplicas");
        output.Write(RecordEnd);
        foreach (var entry in report.Entries())
        {
            WriteInputField(output, subjects[entry.From].Id);
            output.Write(',');
            WriteInputField(output, subjects[entry.To].Id);
            output.Write(',');
            WriteField(output, entry.Allowed.ToString());
            output.Write(',');
            if (entry.BetweenReplicas is { } between)
                WriteField(output, between.ToString());
            output.Write(RecordEnd);
        }
    }
}
