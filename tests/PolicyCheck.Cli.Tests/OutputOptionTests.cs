using System.CommandLine;
using PolicyCheck.TestKit;

namespace PolicyCheck.Cli.Tests;

/// <summary>
/// Issue #13: <c>-o, --output FORMAT</c> chooses the format as in kubectl (<c>kubectl get pods -o json</c>), the
/// file has its own <c>--output-file</c>, and <c>--format</c>/<c>-f</c> stay the same option as <c>-o</c>.
/// </summary>
[Parallelizable(ParallelScope.Fixtures)]
public sealed class OutputOptionTests
{
    private static string InWorkingFolder(string name) => Path.Combine(Environment.CurrentDirectory, name);

    [Test]
    [Description("kubectl: -o json prints JSON to standard output and writes no file.")]
    public async Task OutputJson_WritesJsonToStdoutAndNoFile()
    {
        var result = await CliRunner.RunWithInputAsync(TestManifests.TwoPods, "matrix", "-", "--no-config", "-o", "json");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.EqualTo((int)ExitCode.Ok), result.Error);
            Assert.That(result.Output, Does.StartWith("{"));
            Assert.That(File.Exists(InWorkingFolder("json")), Is.False, "no file named after the format");
        }
    }

    [TestCase("-o")]
    [TestCase("--output")]
    [TestCase("--format")]
    [TestCase("-f")]
    public async Task EverySpelling_ChoosesTheFormat(string option)
    {
        var result = await CliRunner.RunWithInputAsync(TestManifests.TwoPods, "matrix", "-", "--no-config", option, "csv");

        Assert.That(result.Output, Does.StartWith("from,"), result.Error);
    }

    [TestCase("-o", "csv", "--format", "json")]
    [TestCase("-f", "csv", "--output", "csv")]
    public async Task BothSpellings_IsUsageError(string first, string firstValue, string second, string secondValue)
    {
        var result = await CliRunner.RunWithInputAsync(TestManifests.TwoPods, "matrix", "-", "--no-config", first, firstValue, second, secondValue);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.EqualTo((int)ExitCode.UsageError), result.Error);
            Assert.That(result.Error, Does.Contain("--output and --format exclude each other"));
        }
    }

    [Test]
    public async Task ConfigDefaultFormat_CommandLineOutput_Wins()
    {
        var root = Repository("defaults:\n  matrix: {format: csv}\n");

        var result = await CliRunner.RunAsync("matrix", Path.Combine(root, "k8s"), "-o", "json");

        Assert.That(result.Output, Does.StartWith("{"), result.Error);
    }

    [Test]
    public async Task LintOutputSarif_WritesSarif()
    {
        var result = await CliRunner.RunWithInputAsync(TestManifests.TwoPods, "lint", "-", "--no-config", "-o", "sarif");

        Assert.That(result.Output, Does.Contain("\"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\""), result.Error);
    }

    [TestCase("json")]
    [TestCase("SARIF")]
    [TestCase("md")]
    [TestCase("table")]
    public async Task OutputFile_BareFormatWord_IsUsageErrorWithHint(string word)
    {
        var result = await CliRunner.RunWithInputAsync(TestManifests.TwoPods, "matrix", "-", "--no-config", "--output-file", word);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.EqualTo((int)ExitCode.UsageError), result.Error);
            Assert.That(result.Error, Does.Contain($"'{word}' given to --output-file is a format name, not a file"));
            Assert.That(result.Error, Does.Contain($"-o {word.ToLowerInvariant()}"));
            Assert.That(result.Output, Is.Empty);
            Assert.That(File.Exists(InWorkingFolder(word)), Is.False);
        }
    }

    [Test]
    public async Task OutputFile_PathEndingInFormatWord_IsWritten()
    {
        using var folder = new TempFolder();
        var target = Path.Combine(folder.Root, "json");

        var result = await CliRunner.RunWithInputAsync(TestManifests.TwoPods, "matrix", "-", "--no-config", "-o", "json", "--output-file", target);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.EqualTo((int)ExitCode.Ok), result.Error);
            Assert.That(result.Output, Is.Empty);
            Assert.That(File.ReadAllText(target), Does.StartWith("{"));
        }
    }

    [Test]
    [Description("The old habit '--output FILE' now gives a file name to the format option: refused, naming --output-file.")]
    public async Task Output_FileName_IsUsageErrorNamingOutputFile()
    {
        var result = await CliRunner.RunWithInputAsync(TestManifests.TwoPods, "matrix", "-", "--no-config", "--output", "matrix.json");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.EqualTo((int)ExitCode.UsageError), result.Error);
            Assert.That(result.Error, Does.Contain("'matrix.json' is not a matrix format; use table, json, csv, md or dot."));
            Assert.That(result.Error, Does.Contain("use --output-file matrix.json"));
            Assert.That(result.Error, Does.Not.Contain("Did you mean"));
            Assert.That(File.Exists(InWorkingFolder("matrix.json")), Is.False);
        }
    }

    [Test]
    public void EveryCommandWithAFormat_SpellsItAsKubectlAndHasOutputFile()
    {
        var commands = Commands(CliApp.CreateRoot()).Where(c => c.Options.Any(o => o.Name == "--format")).ToList();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(commands.Select(c => c.Name), Is.SupersetOf(new[] { "matrix", "explain", "list", "services", "lint", "rules", "diff", "compare" }));
            foreach (var command in commands)
            {
                var output = command.Options.Single(o => o.Name == "--output");
                var legacy = command.Options.Single(o => o.Name == "--format");
                Assert.That((output.Aliases.ToArray(), output.Hidden, output.ValueType), Is.EqualTo((new[] { "-o" }, false, legacy.ValueType)), command.Name);
                Assert.That((legacy.Aliases.ToArray(), legacy.Hidden), Is.EqualTo((new[] { "-f" }, true)), command.Name);
                Assert.That(command.Options.Select(o => o.Name), Does.Contain("--output-file"), command.Name);
            }

            Assert.That(Commands(CliApp.CreateRoot()).SelectMany(c => c.Options).Where(o => o.Name == "--output" && o.ValueType == typeof(string)), Is.Empty,
                "no --output takes a file any more");
        }
    }

    [Test]
    public async Task ConfigDefault_OutputIsTheFormat()
    {
        var root = Repository("defaults:\n  matrix: {output: csv}\n");

        var result = await CliRunner.RunAsync("matrix", Path.Combine(root, "k8s"));

        Assert.That(result.Output, Does.StartWith("from,"), result.Error);
    }

    [Test]
    public async Task ConfigDefault_OldOutputFile_IsLocatedErrorNamingOutputFile()
    {
        var root = Repository("defaults:\n  matrix: {output: report.txt}\n");

        var result = await CliRunner.RunAsync("matrix", Path.Combine(root, "k8s"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.EqualTo((int)ExitCode.UsageError), result.Error);
            Assert.That(result.Error, Does.Contain(".policycheck.yaml:2:20: error: Default 'output' of 'matrix': 'report.txt' is not a matrix format"));
            Assert.That(result.Error, Does.Contain("the file to write goes in 'output-file'"));
        }
    }

    [Test]
    public async Task ConfigDefault_FormatKey_StillSetsTheFormatWithoutTheRenameHint()
    {
        var root = Repository("defaults:\n  matrix: {format: pdf}\n");

        var result = await CliRunner.RunAsync("matrix", Path.Combine(root, "k8s"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.EqualTo((int)ExitCode.UsageError), result.Error);
            Assert.That(result.Error, Does.Contain("Default 'format' of 'matrix': 'pdf' is not a matrix format"));
            Assert.That(result.Error, Does.Not.Contain("'output-file'"));
        }
    }

    [Test]
    public async Task ConfigDefault_OutputFileFormatWord_IsLocatedError()
    {
        var root = Repository("defaults:\n  matrix: {output-file: json}\n");

        var result = await CliRunner.RunAsync("matrix", Path.Combine(root, "k8s"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.EqualTo((int)ExitCode.UsageError), result.Error);
            Assert.That(result.Error, Does.Contain(".policycheck.yaml:2:25: error: Default 'output-file' of 'matrix': 'json' given to --output-file is a format name"));
        }
    }

    private static string Repository(string config)
    {
        var root = TempFolder.Scratch();
        Directory.CreateDirectory(Path.Combine(root, ".git"));
        Directory.CreateDirectory(Path.Combine(root, "k8s"));
        File.WriteAllText(Path.Combine(root, "k8s", "pods.yaml"), TestManifests.TwoPods);
        File.WriteAllText(Path.Combine(root, ".policycheck.yaml"), config);
        return root;
    }

    private static IEnumerable<Command> Commands(Command command) =>
        command.Subcommands.SelectMany(sub => Commands(sub).Prepend(sub));
}
