using System.Diagnostics;
using System.Text;

namespace PolicyCheck.Manifests.Tests;

/// <summary>Hostile input is bounded: a clear error at the position, little time and memory, no stack overflow.</summary>
public sealed partial class ManifestLoaderTests
{
    private static readonly TimeSpan Quick = TimeSpan.FromSeconds(5);

    [Test]
    [Description("The 'billion laughs' document: nine anchors of nine aliases each would expand to 10^9 nodes.")]
    public void BillionLaughs_IsStoppedAtTheAliasThatExceedsTheBudget()
    {
        var yaml = new StringBuilder("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: lol}\ndata:\n");
        yaml.Append("  a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (var level = 'b'; level <= 'i'; level++)
            yaml.Append($"  {level}: &{level} [{string.Join(",", Enumerable.Repeat($"*{(char)(level - 1)}", 9))}]\n");

        var (result, elapsed, allocated) = Measure(() => Load(yaml + StillLoaded));

        // a is 10 nodes, b 91, c 820, d 7381, e 66430, f 597871: the aliases of lines 6–10 add up to 672588,
        // so the first *f on line 11 (g) passes the 1,000,000 budget.
        var diagnostic = AssertSingleError(result, LoadDiagnostics.YamlAliasBomb, 11, 10);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(diagnostic.Message, Does.StartWith("Alias '*f' would expand the document to more than 1000000 nodes"));
            Assert.That(elapsed, Is.LessThan(Quick));
            Assert.That(allocated, Is.LessThan(64L << 20));
        }
    }

    [Test]
    public void DeepFlowNesting_IsStoppedAt64Levels()
    {
        const int depth = 100_000;
        var yaml = "deep: " + new string('[', depth) + new string(']', depth) + "\n" + StillLoaded;

        var (result, elapsed, _) = Measure(() => Load(yaml));

        // The root mapping is level 1 and the n-th '[' (column 6 + n) opens level n + 1: the 64th opens level 65.
        AssertSingleError(result, LoadDiagnostics.YamlTooDeep, 1, 70);
        Assert.That(elapsed, Is.LessThan(Quick));
    }

    [Test]
    public void DeepBlockNesting_IsStoppedAt64Levels()
    {
        var yaml = new StringBuilder();
        for (var level = 0; level < 200; level++)
            yaml.Append(' ', level).Append("k:\n");
        yaml.Append(' ', 200).Append("leaf\n");

        var result = Load(yaml + StillLoaded);

        // Line n holds the mapping of level n, starting at column n.
        AssertSingleError(result, LoadDiagnostics.YamlTooDeep, 65, 65);
    }

    [Test]
    public void HugeScalar_IsRefused()
    {
        // A kind the loader reads: in a skipped kind (ConfigMap) the same value is only a note (issue #12).
        var yaml = "apiVersion: v1\nkind: Pod\nmetadata: {name: big}\nspec:\n  blob: \"" + new string('x', 2 << 20) + "\"\n" + StillLoaded;

        var (result, elapsed, _) = Measure(() => Load(yaml));

        var diagnostic = AssertSingleError(result, LoadDiagnostics.YamlScalarTooLarge, 5, 9);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(diagnostic.Message, Is.EqualTo("A value of 2097152 characters is longer than the limit of 1 MiB; the document is left out."));
            Assert.That(elapsed, Is.LessThan(Quick));
        }
    }

    [Test]
    [Description("Bad input never throws: seeded random edits of a manifest that uses every kind and most fields.")]
    public void CorruptedManifests_NeverThrowAndAlwaysRender()
    {
        const string seed = """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: web, namespace: shop, labels: &l {app: "web"}}
            spec:
              podSelector: {matchLabels: *l, matchExpressions: [{key: a, operator: In, values: [b]}]}
              policyTypes: [Ingress, Egress]
              ingress:
              - from:
                - ipBlock: {cidr: 10.0.0.0/8, except: [10.1.0.0/16]}
                - {namespaceSelector: {}, podSelector: {matchLabels: {<<: *l}}}
                ports: [{port: 80}, {protocol: UDP, port: 53, endPort: 60}, {port: http}]
            ---
            apiVersion: v1
            kind: List
            items:
            - apiVersion: apps/v1
              kind: Deployment
              metadata: {name: d}
              spec: {replicas: 2, template: {metadata: {labels: {a: b}}, spec: {containers: [{name: c, ports: [{containerPort: 80, name: http}]}]}}}
            - apiVersion: v1
              kind: Pod
              metadata: {name: p, ownerReferences: [{kind: ReplicaSet, name: d-1, controller: true}], labels: {pod-template-hash: "1"}}
              spec: {containers: [{name: c}]}
              status: {phase: Running, podIP: 10.0.0.1}
            - apiVersion: v1
              kind: Service
              metadata: {name: s}
              spec: {type: NodePort, selector: {a: b}, ports: [{name: web, port: 80, targetPort: http, nodePort: 30000}]}
            """;
        const string alphabet = "[]{}:,-?*&!|>'\"#%@ \t\n\\abc01.~<";
        var random = new Random(20240601);
        for (var round = 0; round < 2000; round++)
        {
            var text = new StringBuilder(seed);
            for (var edit = random.Next(1, 5); edit > 0; edit--)
            {
                var at = random.Next(text.Length);
                _ = random.Next(3) switch
                {
                    0 => text.Insert(at, alphabet[random.Next(alphabet.Length)]),
                    1 => text.Remove(at, 1),
                    _ => text.Replace(text[at], alphabet[random.Next(alphabet.Length)], at, 1),
                };
            }

            var corrupted = text.ToString();
            Assert.That(() => string.Join('\n', ManifestLoader.LoadText(corrupted, "f.yaml").Diagnostics), Throws.Nothing, corrupted);
        }
    }

    private static (LoadResult Result, TimeSpan Elapsed, long Allocated) Measure(Func<LoadResult> load)
    {
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var stopwatch = Stopwatch.StartNew();
        var result = load();
        return (result, stopwatch.Elapsed, GC.GetAllocatedBytesForCurrentThread() - allocated);
    }
}
