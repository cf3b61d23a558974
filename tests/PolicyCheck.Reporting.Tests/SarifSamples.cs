using System.Collections.Immutable;
using System.Text.Json;
using PolicyCheck.Core.Diagnostics;
using PolicyCheck.Core.Model;
using PolicyCheck.Reporting.Sarif;

namespace PolicyCheck.Reporting.Tests;

/// <summary>Descriptors and findings shaped like the lint catalogue's, for the SARIF tests.</summary>
internal static class SarifSamples
{
    /// <summary>A repository root that exists on no machine, so fingerprints fall back to messages and stay fixed.</summary>
    public const string Root = "/src/shop";

    public static readonly DiagnosticDescriptor PeerSelectorsSplit = new(
        "PC1003", "PeerSelectorsSplit", "Pod and namespace selectors are separate peers",
        "'{0}' lists podSelector and namespaceSelector as separate peers, which allows either; merge them into one peer to require both.",
        "Correctness", Severity.Warning);

    public static readonly DiagnosticDescriptor MetadataEgress = new(
        "PC2004", "EgressToAnywhereWithoutMetadataExcept", "Egress to 0.0.0.0/0 reaches the cloud metadata address",
        "'{0}' allows egress to 0.0.0.0/0 without excepting 169.254.169.254/32; add it to 'except'.",
        "Security", Severity.Error);

    public static readonly DiagnosticDescriptor UnusedPolicy = new(
        "PC1001", "PolicySelectsNothing", "Policy selects no pods",
        "'{0}' selects no pods in namespace '{1}'; fix its podSelector or remove it.",
        "Correctness", Severity.Note);

    public static readonly ImmutableDictionary<string, SarifRuleMetadata> Metadata =
        ImmutableDictionary<string, SarifRuleMetadata>.Empty.Add(MetadataEgress.Id, new SarifRuleMetadata(
            ["security", "external/cwe/cwe-918"], "7.5",
            "Egress to `0.0.0.0/0` also reaches `169.254.169.254`, where cloud providers serve instance credentials.",
            "An egress rule to 0.0.0.0/0 that does not except 169.254.169.254/32 lets pods read cloud instance metadata."));

    public static SourceSpan Span(string path, int line, int column, int endColumn) => new(path, line, column, line, endColumn);

    public static Diagnostic Finding(DiagnosticDescriptor descriptor, SourceSpan span, params object[] arguments) =>
        Diagnostic.Create(descriptor, span, arguments);

    /// <summary>The three rules ran and found nothing.</summary>
    public static SarifInput Clean() => Input(Array.Empty<SarifFinding>());

    public static SarifInput Input(params SarifFinding[] findings) =>
        new([PeerSelectorsSplit, MetadataEgress, UnusedPolicy], [.. findings], "0.1.0", Root, "policycheck/lint/", Metadata);

    public static SarifInput Input(params Diagnostic[] diagnostics) =>
        Input([.. diagnostics.Select(d => new SarifFinding(d))]);

    /// <summary>Two findings in the shop app, one of them pointing at the other policy of its pair.</summary>
    public static SarifInput Shop()
    {
        var split = Finding(PeerSelectorsSplit, Span($"{Root}/k8s/policies.yaml", 14, 7, 49), "allow-web");
        var related = split with { Related = [Span($"{Root}/k8s/policies.yaml", 31, 5, 20)] };
        return Input(
            new SarifFinding(related),
            new SarifFinding(Finding(MetadataEgress, Span("k8s/egress.yaml", 9, 9, 28), "allow-egress")),
            new SarifFinding(Finding(UnusedPolicy, Span("k8s/policies.yaml", 3, 9, 22), "legacy", "shop"),
                new SarifSuppression(SarifSuppressionKind.InSource, "Kept for the migration; removed in Q3.")));
    }

    public static string Write(SarifInput input)
    {
        using var output = new StringWriter { NewLine = "\n" };
        SarifWriter.Write(input, output);
        return output.ToString();
    }

    public static JsonElement Run(string sarif) => JsonDocument.Parse(sarif).RootElement.GetProperty("runs")[0];

    public static JsonElement Result(string sarif, int index = 0) => Run(sarif).GetProperty("results")[index];
}
