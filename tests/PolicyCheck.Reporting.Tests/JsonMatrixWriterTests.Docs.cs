using System.Text.RegularExpressions;
using PolicyCheck.Core.Engine;
using PolicyCheck.Core.Model;
using PolicyCheck.Reporting.Matrix;
using static PolicyCheck.Reporting.Tests.SampleMatrix;

namespace PolicyCheck.Reporting.Tests;

/// <summary>docs/json-output.md is a contract: its complete examples, default and grouped, must be what the writer writes.</summary>
public sealed partial class JsonMatrixWriterTests
{
    /// <summary>
    /// The documented example: shop/web (Deployment ×2, http 8080, ingress-isolated; replicas may talk on 8080),
    /// shop/db (bare pod, isolated both ways) and the outside world minus 10.0.0.0/8. web may reach db on TCP 5432
    /// and anything outside; the outside may reach web on TCP 443 and 8080-8090.
    /// </summary>
    private static ReachabilityMatrix DocumentedExample() => ReachabilityMatrix.FromConnections(
        [
            Workload(WorkloadKind.Deployment, "shop", "web", 2, Labels.Of(("app", "web")), [Port("http", 8080)]),
            Workload(WorkloadKind.Pod, "shop", "db", labels: Labels.Of(("app", "db"))),
            External(("0.0.0.0", "9.255.255.255"), ("11.0.0.0", "255.255.255.255")),
        ],
        [
            (0, 0, Tcp(8080)),
            (0, 1, Tcp(5432)),
            (0, 2, PortSet.All),
            (2, 0, PortSet.FromRanges(Protocol.Tcp, [new(443, 443), new(8080, 8090)])),
        ],
        new HashSet<int> { 0, 1 },
        new HashSet<int> { 1 });

    [Test]
    public void Docs_Examples_AreWhatTheWriterWrites()
    {
        var examples = Regex.Matches(File.ReadAllText(DocsPath()), "^```json\n(.*?)^```$", RegexOptions.Singleline | RegexOptions.Multiline)
            .Select(m => m.Groups[1].Value)
            .ToList();

        Assert.That(examples, Has.Count.EqualTo(3), "docs/json-output.md has three complete examples in ```json blocks");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(examples[0], Is.EqualTo(WriterInputs.Render(MatrixFormat.Json, DocumentedExample())));
            Assert.That(examples[1], Is.EqualTo(WriterInputs.Render(MatrixFormat.Json, DocumentedExample(), PortQuery.Named("http"))));
            Assert.That(examples[2], Is.EqualTo(WriterInputs.Render(MatrixFormat.Json, MatrixReport.ForAll(GroupedShop.Matrix()).Grouped())));
        }
    }

    private static string DocsPath()
    {
        for (var directory = AppContext.BaseDirectory; !string.IsNullOrEmpty(directory); directory = Path.GetDirectoryName(directory))
        {
            if (File.Exists(Path.Combine(directory, "PolicyCheck.sln")))
                return Path.Combine(directory, "docs", "json-output.md");
        }

        throw new InvalidOperationException("Cannot find the repository root above " + AppContext.BaseDirectory);
    }
}
