namespace PolicyCheck.Cli.Tests;

/// <summary>
/// Issue #13: a mistyped command, option or option value is answered with the nearest known name, as git and
/// kubectl do ("unknown command "matrx" … Did you mean this? matrix"); the usage hint names the command path.
/// </summary>
[Parallelizable(ParallelScope.Fixtures)]
public sealed class DidYouMeanTests
{
    private static string Webshop => CliRunner.Example("webshop");

    [TestCase(new[] { "matrx", "examples" }, "'matrx'", "matrix")]
    [TestCase(new[] { "lnit" }, "'lnit'", "lint")]
    [TestCase(new[] { "audit", "compre" }, "'compre'", "compare")]
    public async Task UnknownCommand_SuggestsNearest(string[] args, string token, string near)
    {
        var result = await CliRunner.RunAsync(args);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.EqualTo((int)ExitCode.UsageError), result.Error);
            Assert.That(result.Error, Does.Contain(token));
            Assert.That(result.Error, Does.Contain($"Did you mean '{near}'?"));
        }
    }

    [Test]
    public async Task UnknownCommand_WithArguments_IsTheOneErrorShown()
    {
        var result = await CliRunner.RunAsync("matrx", Webshop, "-o", "json");

        Assert.That(result.Error.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n'), Is.EqualTo(new[]
        {
            "policycheck: Unrecognized command or argument 'matrx'. Did you mean 'matrix'?",
            "Run 'policycheck --help' for usage.",
        }));
    }

    [Test]
    public async Task UnknownOption_AfterAKnownCommand_KeepsEveryError()
    {
        var result = await CliRunner.RunAsync("matrix", Webshop, "--outptu", "x", "--fromat", "json");

        Assert.That(result.Error, Does.Contain("'--outptu'").And.Contain("'--fromat'"));
    }

    [TestCase("matrix", "--fromat", "--format")]
    [TestCase("matrix", "--namespac", "--namespace")]
    [TestCase("matrix", "--al-namespaces", "--all-namespaces")]
    [TestCase("list", "--focsu", "--focus")]
    [TestCase("matrix", "--outptu-file", "--output-file")]
    public async Task UnknownOption_SuggestsNearestOption(string command, string typo, string near)
    {
        var result = await CliRunner.RunAsync(command, Webshop, "--no-config", typo, "x");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.EqualTo((int)ExitCode.UsageError), result.Error);
            Assert.That(result.Error, Does.Contain($"Unknown option '{typo}'. Did you mean '{near}'?"));
        }
    }

    [Test]
    [Description("--form is one swap from --from and two edits from --format: the nearer wins.")]
    public async Task UnknownOption_NearestOfTwoCandidatesWins()
    {
        var result = await CliRunner.RunAsync("explain", Webshop, "--no-config", "--form", "shop/frontend", "--to", "shop/backend");

        Assert.That(result.Error, Does.Contain("Unknown option '--form'. Did you mean '--from'?"));
    }

    [Test]
    public async Task UnknownOption_OnCommandWithoutPaths_SuggestsNearestOption()
    {
        var result = await CliRunner.RunAsync("rules", "--outptu", "md");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.EqualTo((int)ExitCode.UsageError), result.Error);
            Assert.That(result.Error, Does.Contain("'--outptu'").And.Contain("Did you mean '--output'?"));
        }
    }

    [TestCase("matrix", "-o", "jsno", "Did you mean 'json'?")]
    [TestCase("lint", "--fail-on", "warn", "Did you mean 'warning'?")]
    [TestCase("services", "--output", "mdd", "Did you mean 'md'?")]
    [TestCase("matrix", "--ipblock-pods", "ignroe", "Did you mean 'ignore'?")]
    public async Task BadOptionValue_SuggestsNearestValue(string command, string option, string value, string hint)
    {
        var result = await CliRunner.RunAsync(command, Webshop, "--no-config", option, value);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.EqualTo((int)ExitCode.UsageError), result.Error);
            Assert.That(result.Error, Does.Contain($"'{value}' is not"));
            Assert.That(result.Error, Does.Contain(hint));
        }
    }

    [TestCase("zzzzzz")]
    [TestCase("matrix", "examples/webshop", "--qqqqqq")]
    [TestCase("matrix", "examples/webshop", "-o", "xml")]
    public async Task NothingClose_NoSuggestion(params string[] args)
    {
        var result = await CliRunner.RunAsync(args);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.EqualTo((int)ExitCode.UsageError), result.Error);
            Assert.That(result.Error, Does.Not.Contain("Did you mean"));
        }
    }

    [TestCase(new[] { "--bogus" }, "Run 'policycheck --help' for usage.")]
    [TestCase(new[] { "matrix", "examples/webshop", "--bogus" }, "Run 'policycheck matrix --help' for usage.")]
    [TestCase(new[] { "audit", "matrix", "--bogus" }, "Run 'policycheck audit matrix --help' for usage.")]
    public async Task UsageError_HintNamesCommandPathWithSingleSpaces(string[] args, string hint)
    {
        var result = await CliRunner.RunAsync(args);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.EqualTo((int)ExitCode.UsageError), result.Error);
            Assert.That(result.Error.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n')[^1], Is.EqualTo(hint));
            Assert.That(result.Error, Does.Not.Contain("  --help"));
        }
    }

    [TestCase("jsno", new[] { "table", "json", "csv" }, "json")]
    [TestCase("--names", new[] { "--namespace", "--selector" }, "--namespace")]
    [TestCase("tabel", new[] { "table", "text" }, "table")]
    public void Nearest_Close_Found(string typed, string[] names, string near) =>
        Assert.That(Spelling.Nearest(typed, names), Is.EqualTo(near));

    [TestCase("-x", new[] { "-n", "-o" })]
    [TestCase("xyz", new[] { "json", "csv" })]
    [TestCase("mat", new[] { "matrix", "match" })]
    [TestCase("matrix", new[] { "--matrix" })]
    [TestCase("json", new[] { "json", "csv" })]
    [Description("One-letter names, far words, an ambiguous prefix, a word against options, and the exact name are no suggestion.")]
    public void Nearest_NothingClose_Null(string typed, string[] names) =>
        Assert.That(Spelling.Nearest(typed, names), Is.Null);
}
