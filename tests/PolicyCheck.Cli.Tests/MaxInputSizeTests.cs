using PolicyCheck.Cli.Commands;
using PolicyCheck.TestKit;

namespace PolicyCheck.Cli.Tests;

/// <summary>
/// Issue #12: the manifest size bound (256Mi by default) can be raised or lowered with --max-input-size or a
/// <c>defaults:</c> entry, written as a Kubernetes quantity; a bad value is a usage error.
/// </summary>
[Parallelizable(ParallelScope.Fixtures)]
public sealed class MaxInputSizeTests
{
    /// <summary>A Namespace padded with a comment to 2000 bytes: over 1Ki, under 2Ki.</summary>
    private static readonly string Manifest = "apiVersion: v1\nkind: Namespace\nmetadata: {name: shop}\n#" + new string('x', 2000 - 55 - 1) + "\n";

    [Description("k8s docs, Quantity: Ki, Mi, Gi are powers of 1024; k, M, G powers of 1000.")]
    [TestCase("100", 100L)]
    [TestCase("1Ki", 1024L)]
    [TestCase("512Mi", 536_870_912L)]
    [TestCase("1Gi", 1_073_741_824L)]
    [TestCase("1k", 1_000L)]
    [TestCase("3M", 3_000_000L)]
    [TestCase("2G", 2_000_000_000L)]
    public void TryParse_Quantity_IsBytes(string text, long expected)
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(ByteQuantity.TryParse(text, out var bytes), Is.True);
            Assert.That(bytes, Is.EqualTo(expected));
        }
    }

    [TestCase("")]
    [TestCase("Mi")]
    [TestCase("1.5Gi")]
    [TestCase("-1")]
    [TestCase("+1")]
    [TestCase(" 1Mi")]
    [TestCase("1 Mi")]
    [TestCase("1mi")]
    [TestCase("1m")]
    [TestCase("1e6")]
    [TestCase("0x10")]
    [TestCase("1MiB")]
    [TestCase("99999999999999Gi")]
    public void TryParse_NotAQuantity_IsFalse(string text) =>
        Assert.That(ByteQuantity.TryParse(text, out _), Is.False);

    [TestCase(268_435_456L, "256Mi")]
    [TestCase(1_048_576_000L, "1000Mi")]
    [TestCase(1024L, "1Ki")]
    [TestCase(1000L, "1000")]
    public void Format_LargestBinaryUnit(long bytes, string expected) =>
        Assert.That(ByteQuantity.Format(bytes), Is.EqualTo(expected));

    [Test]
    public async Task Option_BelowFileSize_SkipsFileWithError()
    {
        var file = Write(Manifest);

        var result = await CliRunner.RunAsync("list", file, "--no-config", "--max-input-size", "1Ki");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.EqualTo(2), result.Error);
            Assert.That(result.Error, Does.Contain("error PC0004").And.Contain("more than the limit of 1024 bytes"));
        }
    }

    [Test]
    public async Task Option_AboveFileSize_ReadsFile()
    {
        var file = Write(Manifest);

        var result = await CliRunner.RunAsync("list", file, "--no-config", "--max-input-size", "2Ki");

        Assert.That(result.ExitCode, Is.Zero, result.Error);
    }

    [Test]
    public async Task Option_BoundsStandardInput()
    {
        var result = await CliRunner.RunWithInputAsync(Manifest, "matrix", "-", "--no-config", "--max-input-size", "1k");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.EqualTo(2), result.Error);
            Assert.That(result.Error, Does.Contain("more than the limit of 1000 bytes"));
        }
    }

    [TestCase("1.5Gi")]
    [TestCase("0")]
    [TestCase("1001Mi")]
    [TestCase("2G")]
    [TestCase("lots")]
    public async Task Option_BadValue_IsUsageError(string value)
    {
        var result = await CliRunner.RunAsync("matrix", CliRunner.Example("webshop"), "--no-config", "--max-input-size", value);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.EqualTo(3), result.Error);
            Assert.That(result.Error, Does.Contain($"'{value}' is not a valid --max-input-size; use a number of bytes from 1 to 1000Mi"));
        }
    }

    [TestCase("matrix")]
    [TestCase("explain")]
    [TestCase("list")]
    [TestCase("services")]
    [TestCase("lint")]
    [TestCase("diff")]
    [TestCase("audit", "compare")]
    public async Task Option_InHelpOfEveryCommandThatReadsManifests(params string[] command)
    {
        var result = await CliRunner.RunAsync([.. command, "--help"]);

        Assert.That(result.Output, Does.Contain("--max-input-size <size>").And.Match(@"\(default\s+256Mi\)"));
    }

    [Test]
    public async Task ConfigDefault_AppliesToTheCommand()
    {
        var root = Repository("defaults:\n  list: {max-input-size: 1Ki}\n");

        var result = await CliRunner.RunAsync("list", Path.Combine(root, "k8s"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.EqualTo(2), result.Error);
            Assert.That(result.Error, Does.Contain("more than the limit of 1024 bytes"));
        }
    }

    [Test]
    public async Task ConfigDefault_CommandLineWins()
    {
        var root = Repository("defaults:\n  list: {max-input-size: 1Ki}\n");

        var result = await CliRunner.RunAsync("list", Path.Combine(root, "k8s"), "--max-input-size", "4Ki");

        Assert.That(result.ExitCode, Is.Zero, result.Error);
    }

    [Test]
    public async Task ConfigDefault_BadValue_IsLocatedUsageError()
    {
        var root = Repository("defaults:\n  list: {max-input-size: 1.5Gi}\n");

        var result = await CliRunner.RunAsync("list", Path.Combine(root, "k8s"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.EqualTo(3), result.Error);
            Assert.That(result.Error, Does.Contain(".policycheck.yaml:2:26: error:").And.Contain("'1.5Gi' is not a valid --max-input-size"));
        }
    }

    private static string Write(string text)
    {
        var path = Path.Combine(TempFolder.Scratch(), "ns.yaml");
        File.WriteAllText(path, text);
        return path;
    }

    private static string Repository(string config)
    {
        var root = TempFolder.Scratch();
        Directory.CreateDirectory(Path.Combine(root, ".git"));
        Directory.CreateDirectory(Path.Combine(root, "k8s"));
        File.WriteAllText(Path.Combine(root, "k8s", "ns.yaml"), Manifest);
        File.WriteAllText(Path.Combine(root, ".policycheck.yaml"), config);
        return root;
    }
}
