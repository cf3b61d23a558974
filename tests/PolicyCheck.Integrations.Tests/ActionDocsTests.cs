using System.Text.RegularExpressions;
using PolicyCheck.TestKit;

namespace PolicyCheck.Integrations.Tests;

/// <summary>
/// action.yml, the README's "Use it in CI" tables and examples/github-workflow.yml name the same inputs and outputs,
/// so a copied workflow never passes an input the action does not have.
/// </summary>
[Parallelizable(ParallelScope.Fixtures)]
public sealed partial class ActionDocsTests
{
    private static string Root => Snapshot.RepositoryRoot();

    [Test]
    public void Readme_InputTable_ListsEveryActionInput()
    {
        var documented = TableNames(Readme(), "input");

        Assert.That(documented, Is.EqualTo(ActionKeys("inputs")));
    }

    [Test]
    public void Readme_OutputTable_ListsEveryActionOutput()
    {
        var documented = TableNames(Readme(), "output");

        Assert.That(documented, Is.EqualTo(ActionKeys("outputs")));
    }

    [Test]
    public void ExampleWorkflow_With_ShowsEveryInputAndNoOther()
    {
        var workflow = File.ReadAllText(Path.Combine(Root, "examples", "github-workflow.yml"));
        var with = workflow[(workflow.IndexOf("        with:\n", StringComparison.Ordinal) + "        with:\n".Length)..];
        // The block ends at the first line indented less than its keys; commented keys are optional inputs.
        var keys = with.Split('\n')
            .TakeWhile(l => l.StartsWith("          ", StringComparison.Ordinal))
            .Select(l => WithKey().Match(l))
            .Where(m => m.Success)
            .Select(m => m.Groups[1].Value)
            .ToList();

        Assert.That(keys, Is.EquivalentTo(ActionKeys("inputs")));
    }

    /// <summary>The keys of a top-level section of action.yml (two-space indented <c>name:</c> lines).</summary>
    private static List<string> ActionKeys(string section)
    {
        var lines = File.ReadAllLines(Path.Combine(Root, "action.yml"));
        return [.. lines
            .SkipWhile(l => l != section + ":")
            .Skip(1)
            .TakeWhile(l => l.Length == 0 || l.StartsWith(' '))
            .Select(l => SectionKey().Match(l))
            .Where(m => m.Success)
            .Select(m => m.Groups[1].Value)];
    }

    /// <summary>The first-column names of the README table whose header starts <c>| <paramref name="header"/> |</c>.</summary>
    private static List<string> TableNames(string readme, string header)
    {
        var start = readme.IndexOf($"| {header} |", StringComparison.Ordinal);
        Assert.That(start, Is.GreaterThanOrEqualTo(0), $"README.md has no '| {header} |' table.");
        return [.. readme[start..].Split('\n')
            .Skip(2)
            .TakeWhile(l => l.StartsWith('|'))
            .Select(l => TableName().Match(l).Groups[1].Value)];
    }

    private static string Readme() => File.ReadAllText(Path.Combine(Root, "README.md"));

    [GeneratedRegex(@"^  ([a-z][a-z-]*):\s*$")]
    private static partial Regex SectionKey();

    [GeneratedRegex(@"^\s+(?:# )?([a-z][a-z-]*):")]
    private static partial Regex WithKey();

    [GeneratedRegex(@"^\| `([a-z-]+)` \|")]
    private static partial Regex TableName();
}
