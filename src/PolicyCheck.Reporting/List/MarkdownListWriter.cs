using PolicyCheck.Reporting.Formats;
using static PolicyCheck.Reporting.Formats.MarkdownText;

namespace PolicyCheck.Reporting.List;

/// <summary>
/// GitHub-flavoured Markdown for a pull-request comment: a <c>| From | To | Allowed |</c> table with subject ids
/// (traffic between a workload's replicas has <c>NAME (between replicas)</c> as its destination), then the exposure
/// summary as a heading and nested bullet lists. Text from the input is escaped so that names and ports cannot break
/// the table or turn into markup.
/// </summary>
internal sealed class MarkdownListWriter : IListWriter
{
    public void Write(ListReport report, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        var subjects = report.Matrix.Subjects;
        if (report.ListConnections)
        {
            var rows = 0;
            foreach (var entry in report.Entries())
            {
                if (rows == 0)
                {
                    output.WriteLine("| From | To | Allowed |");
                    output.WriteLine("| --- | --- | --- |");
                }

                var from = Escape(subjects[entry.From].Id);
                if (entry.PairListed)
                {
                    output.WriteLine($"| {from} | {Escape(subjects[entry.To].Id)} | {Escape(entry.Allowed.ToString())} |");
                    rows++;
                }

                if (entry.BetweenReplicasListed)
                {
                    output.WriteLine($"| {from} | {Escape($"{subjects[entry.From].Id} {FlowText.BetweenReplicasNote}")} | {Escape(entry.BetweenReplicas!.ToString())} |"); // listed implies set
                    rows++;
                }
            }

            if (rows == 0)
                output.WriteLine("No connections.");
        }

        if (report.Exposure is not { } exposure)
            return;
        if (report.ListConnections)
            output.WriteLine();
        output.WriteLine("### Exposure");
        foreach (var (heading, items) in ExposureLines.Sections(exposure))
        {
            output.WriteLine();
            output.WriteLine($"**{Escape(heading)}**");
            output.WriteLine();
            var any = false;
            foreach (var (indent, text) in items)
            {
                any = true;
                output.WriteLine($"{new string(' ', 2 * (indent - 1))}- {Escape(text)}");
            }

            if (!any)
                output.WriteLine($"- {Escape(ExposureLines.None)}");
        }
    }
}
