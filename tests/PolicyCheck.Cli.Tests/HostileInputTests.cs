using PolicyCheck.TestKit;

namespace PolicyCheck.Cli.Tests;

/// <summary>Issue #12: empty and malformed options, unwritable output, hostile configuration files.</summary>
[Parallelizable(ParallelScope.Fixtures)]
public sealed class HostileInputTests
{
    private static string Webshop => CliRunner.Example("webshop");

    [TestCase("--output")]
    [TestCase("-o")]
    [TestCase("--output-file")]
    [TestCase("--config")]
    [TestCase("-n")]
    public async Task EmptyOptionValue_IsUsageError(string option)
    {
        var result = await CliRunner.RunAsync("matrix", Webshop, "--no-config", option, "");

        Assert.That(result.ExitCode, Is.EqualTo(3), result.Error);
        Assert.That(result.Error, Does.Contain("was given an empty value"));
    }

    [Test]
    public async Task EmptyPath_IsUsageError()
    {
        var result = await CliRunner.RunAsync("matrix", "", "--no-config");

        Assert.That(result.ExitCode, Is.EqualTo(3), result.Error);
        Assert.That(result.Error, Does.Contain("'paths' argument was given an empty value"));
    }

    [Description("k8s docs, Object Names and IDs: a namespace name is a DNS-1123 label.")]
    [TestCase("matrix", "..")]
    [TestCase("matrix", "Shop")]
    [TestCase("matrix", "-shop")]
    [TestCase("list", "a/b")]
    public async Task Namespace_NotDnsLabel_IsUsageError(string command, string ns)
    {
        var result = await CliRunner.RunAsync(command, Webshop, "--no-config", "--namespace", ns);

        Assert.That(result.ExitCode, Is.EqualTo(3), result.Error);
        Assert.That(result.Error, Does.Contain("DNS-1123 label"));
    }

    [Test]
    public async Task AuditNamespace_NotDnsLabel_IsUsageErrorBeforeAnyRequest()
    {
        var result = await CliRunner.RunAsync("audit", "--namespace", "..", "matrix");

        Assert.That(result.ExitCode, Is.EqualTo(3), result.Error);
        Assert.That(result.Error, Does.Contain("DNS-1123 label"));
    }

    [Test]
    public async Task QuietAndVerbose_ExcludeEachOther()
    {
        var result = await CliRunner.RunAsync("matrix", Webshop, "--no-config", "-q", "-v");

        Assert.That(result.ExitCode, Is.EqualTo(3), result.Error);
        Assert.That(result.Error, Does.Contain("exclude each other"));
    }

    [Test]
    public async Task Output_DevFull_IsOneLineAndExit3()
    {
        Assume.That(File.Exists("/dev/full"), "needs /dev/full (Linux)");

        var result = await CliRunner.RunAsync("matrix", Webshop, "--no-config", "--output-file", "/dev/full");

        Assert.That(result.ExitCode, Is.EqualTo(3), result.Error);
        Assert.That(result.Error, Does.StartWith("policycheck: cannot write '/dev/full'"));
    }

    [Test]
    public async Task Stdout_Full_IsOneLineAndExit3()
    {
        using var output = new FullWriter();
        using var error = new StringWriter();

        var code = await CliApp.RunAsync(["matrix", Webshop, "--no-config"], Terminal.Plain(output, error));

        Assert.That(code, Is.EqualTo(3), error.ToString());
        Assert.That(error.ToString(), Does.StartWith("policycheck: cannot write to standard output:"));
    }

    [Test]
    public async Task ConfigDefault_EmptyOutput_IsLocatedError()
    {
        var root = Repository("defaults:\n  matrix: {output: \"\"}\n");

        var result = await CliRunner.RunAsync("matrix", Path.Combine(root, "k8s"));

        Assert.That(result.ExitCode, Is.EqualTo(3), result.Error);
        Assert.That(result.Error, Does.Contain(".policycheck.yaml:2:20: error:"));
    }

    [Test]
    public async Task ConfigUnknownCommand_ListsEachCommandOnce()
    {
        var root = Repository("defaults:\n  lnt: {format: md}\n");

        var result = await CliRunner.RunAsync("matrix", Path.Combine(root, "k8s"));
        var list = result.Error[(result.Error.IndexOf("; use ", StringComparison.Ordinal) + 6)..].Split('\n')[0].TrimEnd('.', '\r').Split(", ");

        Assert.That(result.ExitCode, Is.EqualTo(3), result.Error);
        Assert.That(list, Is.Unique.And.Contains("matrix"));
    }

    [Test]
    public async Task ConfigIgnoreNull_IsLocatedError()
    {
        var root = Repository("ignore: [null]\n");

        var result = await CliRunner.RunAsync("matrix", Path.Combine(root, "k8s"));

        Assert.That(result.ExitCode, Is.EqualTo(3), result.Error);
        Assert.That(result.Error, Does.Contain(".policycheck.yaml:1:10: error: An item of 'ignore' is null"));
    }

    [Test]
    public async Task ConfigProfile_OutsideRepository_IsRefusedWithoutReadingIt()
    {
        var outside = Path.Combine(TempFolder.Scratch(), "secret.yaml");
        File.WriteAllText(outside, "top-secret-content: 1\n");
        var root = Repository($"profile: {outside}\n");

        var result = await CliRunner.RunAsync("lint", Path.Combine(root, "k8s"));

        Assert.That(result.ExitCode, Is.EqualTo(3), result.Error);
        Assert.That(result.Error, Does.Contain("is outside the repository"));
        Assert.That(result.Error, Does.Not.Contain("top-secret-content"));
    }

    [Test]
    public async Task ConfigProfile_SymlinkLeavingRepository_IsRefused()
    {
        var outside = Path.Combine(TempFolder.Scratch(), "p.yaml");
        File.WriteAllText(outside, "rules: {}\n");
        var root = Repository("profile: ./inside.yaml\n");
        File.CreateSymbolicLink(Path.Combine(root, "inside.yaml"), outside);

        var result = await CliRunner.RunAsync("lint", Path.Combine(root, "k8s"));

        Assert.That(result.ExitCode, Is.EqualTo(3), result.Error);
        Assert.That(result.Error, Does.Contain("is outside the repository"));
    }

    [Test]
    public async Task Baseline_OutsideRepository_IsRefused()
    {
        var outside = Path.Combine(TempFolder.Scratch(), "b.json");
        File.WriteAllText(outside, "{}");
        var root = Repository(null);

        var result = await CliRunner.RunAsync("lint", Path.Combine(root, "k8s"), "--baseline", outside);

        Assert.That(result.ExitCode, Is.EqualTo(3), result.Error);
        Assert.That(result.Error, Does.Contain("the baseline is outside the repository"));
    }

    [Test]
    public async Task Config_SymlinkToDevZero_FailsFast()
    {
        Assume.That(File.Exists("/dev/zero"), "needs /dev/zero (Unix)");
        var root = Repository(null);
        File.CreateSymbolicLink(Path.Combine(root, ".policycheck.yaml"), "/dev/zero");

        var result = await CliRunner.RunAsync("matrix", Path.Combine(root, "k8s"));

        Assert.That(result.ExitCode, Is.EqualTo(3), result.Error);
        Assert.That(result.Error, Does.Contain("not a regular file"));
    }

    [Test]
    public async Task Config_TooLarge_IsRefused()
    {
        var root = Repository("# " + new string('x', (1 << 20) + 10) + "\n");

        var result = await CliRunner.RunAsync("matrix", Path.Combine(root, "k8s"));

        Assert.That(result.ExitCode, Is.EqualTo(3), result.Error);
        Assert.That(result.Error, Does.Contain("larger than the limit of 1 MiB"));
    }

    [Test]
    public async Task Baseline_OverSixtyFourMiB_IsRefused()
    {
        var root = Repository(null);
        var baseline = Path.Combine(root, "baseline.json");
        using (var file = File.Create(baseline))
            file.SetLength((64L << 20) + 1); // sparse: one byte over the limit, all zeros, no disk used

        var result = await CliRunner.RunAsync("lint", Path.Combine(root, "k8s"), "--baseline", baseline);

        Assert.That(result.ExitCode, Is.EqualTo(3), result.Error);
        Assert.That(result.Error, Does.Contain("larger than the limit of 64 MiB"));
    }

    [Test]
    [CancelAfter(20_000)]
    public async Task Config_Fifo_DoesNotHang()
    {
        Assume.That(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS(), "FIFOs are Unix");
        var fifo = Path.Combine(TempFolder.Scratch(), "fifo.yaml");
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", fifo))
            await mkfifo.WaitForExitAsync();

        var result = await CliRunner.RunAsync("matrix", Webshop, "--config", fifo);

        Assert.That(result.ExitCode, Is.EqualTo(3), result.Error);
        Assert.That(result.Error, Does.Contain("named pipe"));
    }

    [Test]
    public async Task DuplicateObject_SummarySaysReplaced()
    {
        const string yaml = """
            apiVersion: v1
            kind: Namespace
            metadata: {name: shop}
            ---
            apiVersion: v1
            kind: Namespace
            metadata: {name: shop}
            """;
        var root = Repository(null, yaml);

        var result = await CliRunner.RunAsync("matrix", Path.Combine(root, "k8s"));

        Assert.That(result.Error, Does.Contain("1 object(s) defined twice: each later definition replaced the earlier one"));
        Assert.That(result.Error, Does.Not.Contain("leaves out"));
    }

    private static string Repository(string? config, string manifest = "apiVersion: v1\nkind: Namespace\nmetadata: {name: shop}\n")
    {
        var root = TempFolder.Scratch();
        Directory.CreateDirectory(Path.Combine(root, ".git"));
        Directory.CreateDirectory(Path.Combine(root, "k8s"));
        File.WriteAllText(Path.Combine(root, "k8s", "ns.yaml"), manifest);
        if (config is not null)
            File.WriteAllText(Path.Combine(root, ".policycheck.yaml"), config);
        return root;
    }

    /// <summary>Standard output on a full disk: every write fails as /dev/full does.</summary>
    private sealed class FullWriter : StringWriter
    {
        public override void Write(char value) => throw new IOException("No space left on device");

        public override void Write(string? value) => throw new IOException("No space left on device");

        public override void Write(char[] buffer, int index, int count) => throw new IOException("No space left on device");
    }
}
