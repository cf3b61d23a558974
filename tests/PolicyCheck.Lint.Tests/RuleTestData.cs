using System.Collections.Immutable;
using PolicyCheck.Core.Diagnostics;
using PolicyCheck.Core.Engine;
using PolicyCheck.Manifests;
using PolicyCheck.TestKit;

namespace PolicyCheck.Lint.Tests;

/// <summary>The rule test files, <c>TestData/PCxxxx/{fires,quiet}-*.yaml</c>, and how a file is linted.</summary>
public static class RuleTestData
{
    public static string Folder => Path.Combine(Snapshot.RepositoryRoot(), "tests", "PolicyCheck.Lint.Tests", "TestData");

    /// <summary>Every test file as a path relative to <see cref="Folder"/> with '/' separators, sorted.</summary>
    public static IEnumerable<string> Files() =>
        Directory.EnumerateFiles(Folder, "*.yaml", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Folder, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);

    public static string RuleIdOf(string relativePath) => relativePath.Split('/')[0];

    /// <summary>Loads <paramref name="yaml"/> (which must load cleanly) and runs the one rule with <paramref name="id"/>.</summary>
    public static ImmutableArray<Diagnostic> Lint(string yaml, string path, string id)
    {
        var loaded = ManifestLoader.LoadText(yaml, path);
        // Notes (such as PC0049 for a podSelector left out on purpose) change nothing that loads.
        Assert.That(loaded.Diagnostics.Where(d => d.Severity != Severity.Note), Is.Empty, () => $"{path} must load cleanly:\n{string.Join('\n', loaded.Diagnostics)}");
        var rule = RuleCatalog.All.SingleOrDefault(r => r.Descriptor.Id == id);
        Assert.That(rule, Is.Not.Null, $"No rule {id} in RuleCatalog.All for {path}.");
        var matrix = Evaluator.Evaluate(loaded.Cluster);
        return Linter.Run(loaded.Cluster, matrix, EvaluationOptions.Default, [rule!]); // asserted non-null above
    }
}
