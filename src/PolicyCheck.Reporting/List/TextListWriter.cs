using PolicyCheck.Reporting.Formats;

namespace PolicyCheck.Reporting.List;

/// <summary>
/// One line per listed connection, <c>shop/frontend -&gt; shop/backend : TCP 8000</c>, every subject by its matrix id
/// and traffic between a workload's replicas as <c>NAME -&gt; NAME (between replicas) : PORTS</c>;
/// <c>(no connections)</c> when nothing is listed. Then, after a blank line, the exposure summary. Lines go out as
/// they are produced.
/// </summary>
internal sealed class TextListWriter : IListWriter
{
    public void Write(ListReport report, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        var subjects = report.Matrix.Subjects;
        var lines = 0;
        foreach (var entry in report.Entries())
        {
            var from = subjects[entry.From].Id;
            if (entry.PairListed)
            {
                output.WriteLine(TerminalText.Clean($"{FlowText.Pair(from, subjects[entry.To].Id)} : {entry.Allowed}"));
                lines++;
            }

            if (entry.BetweenReplicasListed)
            {
                output.WriteLine(TerminalText.Clean($"{FlowText.BetweenReplicas(from)} : {entry.BetweenReplicas}"));
                lines++;
            }
        }

        if (report.ListConnections && lines == 0)
            output.WriteLine("(no connections)");
        if (report.Exposure is not { } exposure)
            return;
        if (report.ListConnections)
            output.WriteLine();
        foreach (var line in ExposureLines.Of(exposure))
            output.WriteLine(TerminalText.Clean(line.Indent == 0 ? line.Text : new string(' ', 2 * line.Indent) + line.Text));
    }
}
