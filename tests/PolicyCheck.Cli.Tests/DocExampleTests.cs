using System.Text.RegularExpressions;
using PolicyCheck.TestKit;

namespace PolicyCheck.Cli.Tests;

/// <summary>
/// Every run shown in a <c>```console</c> block of README.md and docs/**/*.md (the convention is on
/// <see cref="DocExample"/>) is run in-process from the repository root and must write what the page shows, so the
/// docs cannot drift from the tool. On a mismatch the message holds the whole actual output to paste; with
/// <c>POLICYCHECK_UPDATE_DOCS=1</c> the page is rewritten with it instead (review the diff before committing).
/// </summary>
[Parallelizable(ParallelScope.Fixtures)]
public sealed partial class DocExampleTests
{
    private static readonly string Root = Snapshot.RepositoryRoot();

    /// <summary>Options whose value is a file the command writes: redirected into a scratch folder, never the checkout.</summary>
    private static readonly HashSet<string> WrittenFileOptions = new(["--output-file", "--write-baseline", "--save"], StringComparer.Ordinal);

    public static IEnumerable<TestCaseData> Runs() =>
        Pages().SelectMany(page => DocExample.Read(page, File.ReadAllText(Path.Combine(Root, page))))
            .Select(run => new TestCaseData(run).SetArgDisplayNames(run.ToString()));

    /// <summary>README.md and every page under docs/, relative to the repository root.</summary>
    private static IEnumerable<string> Pages() =>
        Directory.EnumerateFiles(Path.Combine(Root, "docs"), "*.md", SearchOption.AllDirectories)
            .Prepend(Path.Combine(Root, "README.md"))
            .Select(p => Path.GetRelativePath(Root, p).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);

    [Test]
    public void Docs_ShowRunsInReadmeAndDocs()
    {
        var runs = Runs().Select(c => (DocExample)c.Arguments[0]!).ToList();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(runs.Where(r => r.File == "README.md" && r.Shown is not null), Is.Not.Empty);
            Assert.That(runs.Where(r => r.File.StartsWith("docs/", StringComparison.Ordinal) && r.Shown is not null), Is.Not.Empty);
        }
    }

    [TestCaseSource(nameof(Runs))]
    public async Task Docs_Run_WritesWhatThePageShows(DocExample run)
    {
        Assert.That(run.Problem, Is.Null, $"{run}: {run.Problem}");
        using var scratch = new TempFolder();
        var args = Resolve(run.Args!, scratch.Root);

        var result = await CliRunner.RunAsync([.. args]);
        var actual = Normalize(result.Output + result.Error);

        if (run.Shown is not null && actual != Normalize(run.Shown) && Environment.GetEnvironmentVariable("POLICYCHECK_UPDATE_DOCS") == "1")
        {
            var page = Path.Combine(Root, run.File);
            File.WriteAllText(page, run.Rewrite(File.ReadAllText(page), actual));
            Assert.Warn($"{run}: rewrote the output shown in {run.File}.");
            return;
        }

        using (Assert.EnterMultipleScope())
        {
            if (run.Exit is { } pinned)
                Assert.That(result.ExitCode, Is.EqualTo(pinned), $"{run}: the '# exit {pinned}' comment pins the exit code\n{result.Error}");
            else
                Assert.That(result.ExitCode, Is.AnyOf(0, 1, 2), $"{run}: a documented run exits 0, 1 or 2 unless a '# exit N' comment says otherwise\n{result.Error}");
            if (run.Shown is not null)
            {
                Assert.That(actual, Is.EqualTo(Normalize(run.Shown)),
                    $"{run}: the page shows other output. The command writes (paste it under the '$ ' line, or run with POLICYCHECK_UPDATE_DOCS=1):\n{actual}");
            }
        }
    }

    [Test]
    public void Read_ConsoleBlock_SplitsRunsOutputAndExitComment()
    {
        const string page = """
            Text.

            ```console
            $ policycheck matrix examples/webshop --from 'ns=shop,app=web'
            line one

            line three
            $ policycheck lint examples/split-peers   # exit 1: a warning
            ```

            ```sh
            $ policycheck matrix - | head
            ```
            """;

        var runs = DocExample.Read("x.md", page);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(runs, Has.Count.EqualTo(2), "the sh block is an illustration");
            Assert.That(runs[0].Args, Is.EqualTo(new[] { "matrix", "examples/webshop", "--from", "ns=shop,app=web" }));
            Assert.That(runs[0].Shown, Is.EqualTo("line one\n\nline three"));
            Assert.That((runs[0].Line, runs[0].Exit), Is.EqualTo((4, (int?)null)));
            Assert.That(runs[1].Args, Is.EqualTo(new[] { "lint", "examples/split-peers" }));
            Assert.That((runs[1].Shown, runs[1].Exit), Is.EqualTo(((string?)null, (int?)1)));
        }
    }

    [TestCase("$ kubectl get pods", "only 'policycheck")]
    [TestCase("$ policycheck matrix - < pods.yaml", "'<' needs a shell")]
    [TestCase("$ policycheck matrix examples/webshop | less", "'|' needs a shell")]
    [TestCase("$ policycheck explain x --from 'a", "unclosed")]
    [TestCase("policycheck matrix examples/webshop", "starts with a '$ policycheck")]
    public void Read_ConsoleBlockThatCannotRun_SaysWhy(string line, string problem)
    {
        var runs = DocExample.Read("x.md", $"```console\n{line}\n```\n");

        Assert.That(runs.Single().Problem, Does.Contain(problem));
    }

    [Test]
    public void Read_DotnetRunForm_IsPolicycheck() =>
        Assert.That(
            DocExample.Read("x.md", "```console\n$ dotnet run --project src/PolicyCheck.Cli -- matrix examples/webshop\n```\n").Single().Args,
            Is.EqualTo(new[] { "matrix", "examples/webshop" }));

    [Test]
    public void Rewrite_ReplacesOnlyThatRunsOutput()
    {
        const string page = "# T\n\n  ```console\n  $ policycheck rules\n  old\n  $ policycheck rules\n  keep\n  ```\nend\n";
        var second = DocExample.Read("x.md", page)[1];

        var rewritten = second.Rewrite(page, "new 1\n\nnew 2\n");

        Assert.That(rewritten, Is.EqualTo("# T\n\n  ```console\n  $ policycheck rules\n  old\n  $ policycheck rules\n  new 1\n\n  new 2\n  ```\nend\n"));
    }

    /// <summary>
    /// Paths of the checkout made absolute (the tests do not run from the repository root), and files the command
    /// would write moved into <paramref name="scratch"/>.
    /// </summary>
    private static List<string> Resolve(IReadOnlyList<string> args, string scratch)
    {
        var resolved = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (i > 0 && WrittenFileOptions.Contains(args[i - 1]))
                resolved.Add(Path.Combine(scratch, Path.GetFileName(arg)));
            else if (!arg.StartsWith('-') && (File.Exists(Path.Combine(Root, arg)) || Directory.Exists(Path.Combine(Root, arg))))
                resolved.Add(Path.Combine(Root, arg));
            else
                resolved.Add(arg);
        }

        return resolved;
    }

    /// <summary>Newlines, the repository path and the version (<see cref="Snapshot.Normalize"/>), spaces at line ends, and durations.</summary>
    private static string Normalize(string text)
    {
        var lines = Snapshot.Normalize(text).Split('\n').Select(l => l.TrimEnd());
        return Duration().Replace(string.Join('\n', lines).TrimEnd('\n'), "<time>");
    }

    [GeneratedRegex(@"\b\d+(?:\.\d+)?\s?(?:ms|s)\b")]
    private static partial Regex Duration();
}
