using PolicyCheck.Reporting.Formats;

namespace PolicyCheck.Reporting.Services;

/// <summary>
/// One service in detail (<c>services --service NS/NAME</c>): the listing block, then for every port and client the
/// per-backend verdict with the targetPort used and the reason.
/// </summary>
public static class ServiceDetailWriter
{
    public static void Write(ServicesReport report, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        ServicesTextWriter.Write(report with { Dns = null }, output);
        foreach (var summary in report.Services)
        {
            foreach (var port in summary.Ports)
            {
                output.WriteLine(TerminalText.Clean($"{summary.Id} {ServiceReachText.Label(port)}"));
                foreach (var verdict in port.Verdicts)
                {
                    output.WriteLine(TerminalText.Clean($"  from {verdict.Client.Id}: {ServiceReachText.Cell(verdict)}"));
                    if (verdict.Note is { } note)
                        output.WriteLine(TerminalText.Clean($"    {note}"));
                    foreach (var backend in verdict.Backends)
                    {
                        var target = backend.TargetPort?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-";
                        output.WriteLine(TerminalText.Clean($"    {backend.Backend.Id} :{target} {ServiceReachText.Outcome(backend.Outcome)}: {backend.Reason}"));
                    }
                }

                output.WriteLine();
            }
        }
    }
}
