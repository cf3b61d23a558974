using System.Text.Json;

namespace PolicyCheck.Cli.Tests;

/// <summary>
/// examples/legacy-platform is built around eight known mistakes (its README lists them); lint must report each
/// one at the line that holds it. The expected places were written from the manifests, not from the tool.
/// </summary>
public sealed class LegacyPlatformLintTests
{
    private static readonly string[] DesignedMistakes =
    [
        "policies.yaml:14 PC1002", // DNS peer: podSelector only, nothing in 'platform' matches it
        "policies.yaml:15 PC1013", // ... while kube-dns pods exist in kube-system (reported at the selector)
        "policies.yaml:32 PC1012", // namespaceSelector 'name: ingress-nginx', a label no namespace has
        "policies.yaml:34 PC3006", // port 80 is the Service's port; the pods listen on 8080
        "policies.yaml:50 PC1003", // podSelector as its own peer, OR'ed with the namespaceSelector
        "policies.yaml:72 PC2004", // 0.0.0.0/0 without excepting 169.254.169.254
        "services.yaml:10 PC3008", // nobody may reach the api Service's backends on 8080
        "services.yaml:13 PC3003", // nodePort 8080 outside 30000-32767
        "services.yaml:32 PC3001", // selector app=metrics-exporter matches no pod
    ];

    [Test]
    public async Task Lint_ReportsEveryDesignedMistakeAtItsLine()
    {
        var result = await CliRunner.RunAsync("lint", CliRunner.Example("legacy-platform"), "--profile", "audit", "--format", "json", "--fail-on", "none");

        Assert.That(result.ExitCode, Is.Zero, result.Error);
        using var document = JsonDocument.Parse(result.Output);
        var reported = document.RootElement.GetProperty("findings").EnumerateArray()
            .Select(f =>
            {
                var location = f.GetProperty("location");
                return $"{Path.GetFileName(location.GetProperty("path").GetString())}:{location.GetProperty("line").GetInt32()} {f.GetProperty("ruleId").GetString()}";
            })
            .ToHashSet(StringComparer.Ordinal);
        Assert.That(DesignedMistakes.Where(m => !reported.Contains(m)), Is.Empty, string.Join('\n', reported.Order(StringComparer.Ordinal)));
    }

    [Test]
    public async Task Lint_BlockedDnsIsReportedOnEveryPlatformWorkload()
    {
        var result = await CliRunner.RunAsync("lint", CliRunner.Example("legacy-platform"), "--profile", "audit", "--format", "json", "--fail-on", "none");

        using var document = JsonDocument.Parse(result.Output);
        var dns = document.RootElement.GetProperty("findings").EnumerateArray()
            .Where(f => f.GetProperty("ruleId").GetString() == "PC2003")
            .Select(f => f.GetProperty("message").GetString()!)
            .ToList();
        Assert.That(dns, Has.Count.EqualTo(3));
        Assert.That(dns, Has.Some.Contains("'api'").And.Some.Contains("'worker'").And.Some.Contains("'redis'"));
    }
}
