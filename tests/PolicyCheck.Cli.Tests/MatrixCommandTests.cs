using System.Text.Json;
using PolicyCheck.TestKit;

namespace PolicyCheck.Cli.Tests;

[Parallelizable(ParallelScope.Fixtures)]
public sealed class MatrixCommandTests
{
    [Test]
    [Description("k8s docs: an ingress rule naming a port allows only that port of the selected pod; other sources are denied once the pod is isolated.")]
    public async Task Matrix_StdinJson_ListsOnlyAllowedPairs()
    {
        var result = await CliRunner.RunWithInputAsync(TestManifests.TwoPods, "matrix", "-", "--format", "json");

        Assert.That(result.ExitCode, Is.EqualTo((int)ExitCode.Ok), result.Error);
        using var json = JsonDocument.Parse(result.Output);
        var pairs = json.RootElement.GetProperty("connections").EnumerateArray()
            .Select(c => $"{c.GetProperty("from").GetString()}->{c.GetProperty("to").GetString()}")
            .ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(json.RootElement.GetProperty("schema").GetString(), Is.EqualTo("policycheck/matrix/v1"));
            Assert.That(pairs, Does.Contain("x/a->x/b"));
            Assert.That(pairs, Does.Not.Contain("ext:0.0.0.0/0->x/b"), "b is isolated and only a may reach it");
            Assert.That(pairs, Does.Contain("ext:0.0.0.0/0->x/a"), "a is not isolated for ingress");
            Assert.That(pairs, Does.Contain("x/b->x/a"), "nothing isolates a or b's egress");
        }
    }

    [Test]
    public async Task Matrix_PortQuery_ShowsBooleanCells()
    {
        var result = await CliRunner.RunWithInputAsync(TestManifests.TwoPods, "matrix", "-", "--format", "json", "--port", "8080/TCP");

        Assert.That(result.ExitCode, Is.EqualTo((int)ExitCode.Ok), result.Error);
        using var json = JsonDocument.Parse(result.Output);
        var toB = json.RootElement.GetProperty("connections").EnumerateArray()
            .Where(c => c.GetProperty("to").GetString() == "x/b" && c.GetProperty("from").GetString() != "x/b")
            .Select(c => c.GetProperty("from").GetString())
            .ToList();
        Assert.That(toB, Is.EqualTo(new[] { "x/a" }));
    }

    [Test]
    public async Task Matrix_InvalidPolicy_ReportsPositionAndExitsIncomplete()
    {
        var folder = TempFolder.Scratch();
        await File.WriteAllTextAsync(Path.Combine(folder, "good.yaml"), TestManifests.TwoPods);
        await File.WriteAllTextAsync(Path.Combine(folder, "bad.yaml"), TestManifests.InvalidProtocolPolicy);

        var result = await CliRunner.RunAsync("matrix", folder, "--format", "json");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.EqualTo((int)ExitCode.IncompleteInput));
            Assert.That(result.Error, Does.Match(@"bad\.yaml:8:\d+: error PC0\d{3}: .*'tcp'"));
            Assert.That(result.Output, Does.Contain("\"x/b\""), "the good file is still evaluated");
            Assert.That(result.Error, Does.Not.Contain("   at "), "no stack trace");
        }
    }

    [Test]
    public async Task Matrix_MissingPath_ExitsIncompleteWithMessage()
    {
        var result = await CliRunner.RunAsync("matrix", "does-not-exist.yaml");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.EqualTo((int)ExitCode.IncompleteInput));
            Assert.That(result.Error, Does.Contain("does-not-exist.yaml"));
        }
    }

    [TestCase("--format", "xml", "'xml' is not a matrix format")]
    [TestCase("--port", "80/ICMP", "ICMP")]
    [TestCase("--selector", "app in ()", "app in ()")]
    [TestCase("--ipblock-pods", "sometimes", "'sometimes'")]
    [TestCase("--no-such-option", null, "--no-such-option")]
    public async Task Matrix_BadOption_ExitsUsageErrorWithoutStackTrace(string option, string? value, string expected)
    {
        string[] args = value is null ? ["matrix", "-", option] : ["matrix", "-", option, value];

        var result = await CliRunner.RunWithInputAsync(TestManifests.TwoPods, args);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.EqualTo((int)ExitCode.UsageError));
            Assert.That(result.Error, Does.Contain(expected));
            Assert.That(result.Error, Does.Contain("--help"));
            Assert.That(result.Output, Is.Empty, "nothing but results goes to stdout");
        }
    }

    [Test]
    public async Task Matrix_NoPaths_ExitsUsageError()
    {
        var result = await CliRunner.RunAsync("matrix");

        Assert.That(result.ExitCode, Is.EqualTo((int)ExitCode.UsageError));
    }

    [Test]
    public async Task Matrix_OutputFile_WritesResultThereAndNothingToStdout()
    {
        var target = Path.Combine(TempFolder.Scratch(), "matrix.csv");

        var result = await CliRunner.RunWithInputAsync(TestManifests.TwoPods, "matrix", "-", "--format", "csv", "--output-file", target);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.EqualTo((int)ExitCode.Ok), result.Error);
            Assert.That(result.Output, Is.Empty);
            Assert.That(File.ReadAllText(target), Does.StartWith("from,"));
        }
    }

    [Test]
    [Platform("Linux,MacOsX")]
    public async Task Matrix_OutputToDevNull_Succeeds()
    {
        var result = await CliRunner.RunWithInputAsync(TestManifests.TwoPods, "matrix", "-", "--output-file", "/dev/null");

        Assert.That(result.ExitCode, Is.EqualTo((int)ExitCode.Ok), result.Error);
    }

    [Test]
    public async Task Matrix_OutputFileInMissingFolder_ExitsUsageErrorWithMessage()
    {
        var target = Path.Combine(TempFolder.Scratch(), "no", "such", "dir", "m.json");

        var result = await CliRunner.RunWithInputAsync(TestManifests.TwoPods, "matrix", "-", "--output-file", target);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.EqualTo((int)ExitCode.UsageError));
            Assert.That(result.Error, Does.Contain("cannot write"));
        }
    }

    [Test]
    public async Task Matrix_NamespaceAndSelector_FilterShownWorkloads()
    {
        var result = await CliRunner.RunWithInputAsync(TestManifests.TwoPods, "matrix", "-", "--format", "json", "--selector", "app=b");

        using var json = JsonDocument.Parse(result.Output);
        var ids = json.RootElement.GetProperty("subjects").EnumerateArray().Select(s => s.GetProperty("id").GetString()).ToList();
        Assert.That(ids, Is.EqualTo(new[] { "x/b", "ext:0.0.0.0/0", "ext:::/0" }));
    }

    [Test]
    public async Task Matrix_DefaultNamespaceOption_PlacesObjectsWithoutNamespace()
    {
        const string yaml = """
            apiVersion: v1
            kind: Pod
            metadata: {name: lone}
            spec: {containers: [{name: c, image: busybox}]}
            """;

        var result = await CliRunner.RunWithInputAsync(yaml, "matrix", "-", "--format", "json", "--namespace", "team-a");

        Assert.That(result.Output, Does.Contain("\"team-a/lone\""));
    }

    [Test]
    public async Task Matrix_PipedTable_HasNoColourCodes()
    {
        var result = await CliRunner.RunAsync("matrix", CliRunner.Example("webshop"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.EqualTo((int)ExitCode.Ok), result.Error);
            Assert.That(result.Output.Contains('\u001b', StringComparison.Ordinal), Is.False, "no ANSI escape when piped");
            Assert.That(result.Output, Does.Contain("shop/frontend"));
        }
    }

    [TestCase("--help")]
    [TestCase("matrix", "--help")]
    public async Task Help_IsStable(params string[] args)
    {
        var result = await CliRunner.RunAsync(args);

        Assert.That(result.ExitCode, Is.Zero);
        Snapshot.Match(result.Output);
    }

    [Test]
    public async Task Help_DocumentsExitCodes()
    {
        var result = await CliRunner.RunAsync("matrix", "--help");

        Assert.That(result.Output, Does.Match(@"\n  2 +incomplete input"));
    }
}
