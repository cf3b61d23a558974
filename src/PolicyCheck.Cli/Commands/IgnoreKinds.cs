using System.Collections.Immutable;
using System.CommandLine;
using PolicyCheck.Manifests;
using PolicyCheck.Manifests.Objects;

namespace PolicyCheck.Cli.Commands;

/// <summary>
/// <c>--ignore-kind KIND</c> and <c>ignore-kinds:</c>: acknowledging policy kinds PolicyCheck does not evaluate
/// (Cilium, Calico, Antrea, Istio). Unacknowledged, each such policy is a warning (PC0055) and the exit code is 2;
/// acknowledged, one note per kind says the verdicts are still incomplete, and the exit code is as without them.
/// </summary>
internal static class IgnoreKinds
{
    public const string OptionName = "--ignore-kind";

    public static Option<string[]> Option()
    {
        var option = new Option<string[]>(OptionName)
        {
            Description = "Acknowledge a policy kind PolicyCheck does not evaluate (CiliumNetworkPolicy, Calico " +
                          "GlobalNetworkPolicy, Antrea ClusterNetworkPolicy, Istio AuthorizationPolicy, …) as KIND or " +
                          "KIND.GROUP, so that it no longer makes the exit code 2; repeatable. A note still says the verdicts are incomplete.",
            HelpName = "kind",
            AllowMultipleArgumentsPerToken = false,
        };
        option.Validators.Add(result =>
        {
            foreach (var token in result.Tokens)
            {
                if (Check(token.Value) is { } problem)
                    result.AddError(problem);
            }
        });
        return option;
    }

    /// <summary>Null when <paramref name="value"/> names a kind of <see cref="UnevaluatedKinds"/>; else what is wrong.</summary>
    public static string? Check(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (UnevaluatedKinds.Names.Contains(value, StringComparer.Ordinal))
            return null;
        var near = UnevaluatedKinds.Names.FirstOrDefault(n => string.Equals(n, value, StringComparison.OrdinalIgnoreCase))
            ?? Spelling.Nearest(value, UnevaluatedKinds.Names);
        var hint = near is null ? string.Empty : $" Did you mean '{near}'?";
        return $"'{value}' is not a policy kind PolicyCheck leaves unevaluated; use one of " +
               $"{string.Join(", ", UnevaluatedKinds.All.Select(k => k.Name).Distinct(StringComparer.Ordinal))}, or KIND.GROUP.{hint}";
    }

    /// <summary>
    /// <paramref name="loaded"/> without the warnings of the acknowledged kinds (so they no longer count towards the
    /// exit code), printing one note per acknowledged kind unless <paramref name="quiet"/>.
    /// </summary>
    public static LoadResult Apply(LoadResult loaded, IEnumerable<string> acknowledged, Terminal terminal, bool quiet)
    {
        var values = acknowledged.ToImmutableArray();
        var policies = loaded.Cluster.UnevaluatedPolicies;
        if (values.IsEmpty || policies.IsEmpty)
            return loaded;
        var covered = policies.Where(p => values.Any(v => UnevaluatedKinds.Covers(v, p))).ToList();
        if (covered.Count == 0)
            return loaded;
        if (!quiet)
        {
            foreach (var kind in covered.GroupBy(p => p.QualifiedKind, StringComparer.Ordinal))
                terminal.Error.WriteLine($"policycheck: note: {kind.Count()} {kind.Key} object(s) not evaluated (acknowledged); the verdicts are incomplete for the pods they select {Where(kind)}.");
        }

        var spans = covered.Select(p => p.Span).ToHashSet();
        return loaded with
        {
            Diagnostics = [.. loaded.Diagnostics.Where(d => d.Descriptor.Id != LoadDiagnostics.UnevaluatedPolicy.Id || !spans.Contains(d.Span))],
        };
    }

    /// <summary>The summary line for the policies not acknowledged: the verdicts are incomplete for the pods they may select.</summary>
    public static void PrintSummary(LoadResult loaded, Terminal terminal)
    {
        var unacknowledged = loaded.Diagnostics.Where(d => d.Descriptor.Id == LoadDiagnostics.UnevaluatedPolicy.Id).Select(d => d.Span).ToHashSet();
        var policies = loaded.Cluster.UnevaluatedPolicies.Where(p => unacknowledged.Contains(p.Span)).ToList();
        if (policies.Count == 0)
            return;
        var kinds = string.Join(", ", policies.Select(p => p.Kind).Distinct(StringComparer.Ordinal));
        terminal.Error.WriteLine($"policycheck: {policies.Count} policy object(s) of kinds PolicyCheck does not evaluate ({kinds}): " +
                                 $"the verdicts are incomplete for the pods they may select {Where(policies)}; acknowledge with {OptionName} or 'ignore-kinds:'.");
    }

    private static string Where(IEnumerable<Core.Model.CustomResource> policies)
    {
        var list = policies.ToList();
        var ns = list.Where(p => p.Namespace.Length > 0).Select(p => p.Namespace).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var clusterWide = list.Any(p => p.Namespace.Length == 0);
        if (clusterWide)
            return "in every namespace (cluster-wide kinds)";
        return ns.Count == 1 ? $"in namespace '{ns[0]}'" : $"in the namespaces {string.Join(", ", ns.Select(n => $"'{n}'"))}";
    }
}
