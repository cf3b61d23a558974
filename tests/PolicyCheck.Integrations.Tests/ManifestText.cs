using System.Globalization;

namespace PolicyCheck.Integrations.Tests;

/// <summary>
/// The small manifests the integration fixtures commit to their temporary repositories, as YAML text in the shape
/// people write it, so that the fixtures say only what differs (names, labels, ports).
/// </summary>
internal static class ManifestText
{
    /// <summary>k8s docs (Default deny all ingress traffic): selects every pod of the namespace, allows no ingress.</summary>
    public const string DefaultDenyIngress = """
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata:
          name: default-deny-ingress
        spec:
          podSelector: {}
          policyTypes: [Ingress]
        """;

    /// <summary>YAML documents, one after the other, separated by <c>---</c> lines (no line break at the end).</summary>
    public static string Documents(params string[] documents) => string.Join("\n---\n", documents);

    /// <summary>A Deployment <paramref name="name"/> whose pods are labelled <c>app: NAME</c>, with one container.</summary>
    public static string Deployment(string name, string image, int? containerPort = null) => Lines(
    [
        "apiVersion: apps/v1",
        "kind: Deployment",
        "metadata:",
        $"  name: {name}",
        "spec:",
        "  selector:",
        $"    matchLabels: {{app: {name}}}",
        "  template:",
        "    metadata:",
        $"      labels: {{app: {name}}}",
        "    spec:",
        "      containers:",
        $"        - name: {name}",
        $"          image: {image}",
        .. containerPort is { } port ? [string.Create(CultureInfo.InvariantCulture, $"          ports: [{{containerPort: {port}}}]")] : Array.Empty<string>(),
    ]);

    /// <summary>
    /// A NetworkPolicy <paramref name="name"/> for the pods labelled <c>app: TARGET</c> that allows ingress on TCP
    /// <paramref name="port"/> from the pods labelled <c>app: SOURCE</c>, one <c>from</c> peer per source.
    /// </summary>
    public static string AllowIngress(string name, string target, int port, params string[] sources) => Lines(
    [
        "apiVersion: networking.k8s.io/v1",
        "kind: NetworkPolicy",
        "metadata:",
        $"  name: {name}",
        "spec:",
        $"  podSelector: {{matchLabels: {{app: {target}}}}}",
        "  ingress:",
        "    - from:",
        .. sources.Select(source => $"        - podSelector: {{matchLabels: {{app: {source}}}}}"),
        "      ports:",
        string.Create(CultureInfo.InvariantCulture, $"        - port: {port}"),
    ]);

    /// <summary>The 1-based line of the first <paramref name="marker"/> in <paramref name="text"/>; fails the test without one.</summary>
    public static int LineOf(string text, string marker)
    {
        var index = text.IndexOf(marker, StringComparison.Ordinal);
        Assert.That(index, Is.GreaterThanOrEqualTo(0), $"'{marker}' is not in the text");
        return text[..index].Count(c => c == '\n') + 1;
    }

    private static string Lines(IEnumerable<string> lines) => string.Join("\n", lines);
}
