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
        var options = PluginOf(yaml, path);
        var matrix = Evaluator.Evaluate(loaded.Cluster, options);
        return Linter.Run(loaded.Cluster, matrix, options, [rule!]); // asserted non-null above
    }

    /// <summary>
    /// The network plugin model a file asks for with a comment line <c># plugin: cni=cilium sctp=unsupported</c> (the
    /// command line's option names and words, without dashes); the generic model when there is none.
    /// </summary>
    public static EvaluationOptions PluginOf(string yaml, string path)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        const string Directive = "# plugin:";
        var line = yaml.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith(Directive, StringComparison.Ordinal));
        if (line is null)
            return EvaluationOptions.Default;
        var settings = line[Directive.Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.Split('='))
            .ToDictionary(kv => kv[0], kv => kv.Length == 2 ? kv[1] : "", StringComparer.Ordinal);
        var profile = settings.TryGetValue("cni", out var cni) ? Enum.GetValues<NetworkPlugin>().Single(p => p.ToName() == cni) : NetworkPlugin.Generic;
        var options = EvaluationOptions.For(profile);
        foreach (var (key, value) in settings)
        {
            options = key switch
            {
                "cni" => options,
                "hostnetwork-pods" => options with { HostNetworkPods = Enum.GetValues<HostNetworkPodHandling>().Single(v => v.ToName() == value) },
                "ipblock-pods" => options with { IpBlockPods = Enum.GetValues<IpBlockPodMatching>().Single(v => v.ToName() == value) },
                "endport" => options with { EndPort = Enum.GetValues<EndPortHandling>().Single(v => v.ToName() == value) },
                "sctp" => options with { Sctp = Enum.GetValues<SctpSupport>().Single(v => v.ToName() == value) },
                _ => throw new AssertionException($"{path}: '{key}' in '{Directive}' is not a plugin option; use cni, hostnetwork-pods, ipblock-pods, endport or sctp."),
            };
        }

        return options;
    }
}
