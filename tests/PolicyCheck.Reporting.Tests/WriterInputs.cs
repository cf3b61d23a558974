using System.Collections.Immutable;
using PolicyCheck.Core.Engine;
using PolicyCheck.Core.Model;
using PolicyCheck.Reporting.Matrix;
using static PolicyCheck.Reporting.Tests.SampleMatrix;

namespace PolicyCheck.Reporting.Tests;

/// <summary>Small reports whose expected output the tests spell out by hand.</summary>
internal static class WriterInputs
{
    /// <summary>
    /// x/a (bare pod) may send x/b TCP 80 and 443 and UDP 53; x/b (Deployment ×2) sends x/a nothing, and its
    /// replicas may reach each other on TCP 80 only.
    /// </summary>
    public static ReachabilityMatrix TwoPods() => ReachabilityMatrix.FromConnections(
        [Pod("x", "a"), Workload(WorkloadKind.Deployment, "x", "b", 2)],
        [(0, 1, Tcp(80, 443).Union(Udp(53))), (1, 1, Tcp(80))]);

    /// <summary>Six bare pods that may all reach each other.</summary>
    public static ReachabilityMatrix SixPods()
    {
        ImmutableArray<Subject> subjects = [.. Enumerable.Range(1, 6).Select(i => Pod("x", $"p{i}"))];
        return ReachabilityMatrix.FromConnections(
            subjects,
            from a in Enumerable.Range(0, 6) from b in Enumerable.Range(0, 6) select (a, b, PortSet.All));
    }

    public static string Render(MatrixFormat format, MatrixReport report)
    {
        using var output = new StringWriter { NewLine = "\n" };
        MatrixWriters.Create(format).Write(report, output);
        return output.ToString();
    }

    public static string Render(MatrixFormat format, ReachabilityMatrix matrix, PortQuery? port = null, RenderOptions? render = null) =>
        Render(format, MatrixReport.ForAll(matrix, port, render));
}
