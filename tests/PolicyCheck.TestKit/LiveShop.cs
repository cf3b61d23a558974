using System.Collections.Immutable;
using System.Text.Json.Nodes;
using PolicyCheck.Core.Engine;
using PolicyCheck.Core.Model;

namespace PolicyCheck.TestKit;

/// <summary>
/// A small live cluster as <c>kubectl get ns,pods,svc,endpointslices,networkpolicies -A -o yaml</c> prints it
/// (<c>live-shop.yaml</c>), the same objects as the API returns them (<c>live-shop.items.json</c>), and the matrix
/// derived by hand from the Kubernetes NetworkPolicy rules (see the comments on <see cref="Expected"/>).
/// </summary>
public static class LiveShop
{
    // The web and coredns pods are owned by ReplicaSets that are not in the list ('web-7d9c8f6b5d',
    // 'coredns-5d78c9869d') and carry pod-template-hash labels '7d9c8f6b5d' and '5d78c9869d': by the Deployment
    // controller's naming (ReplicaSet = Deployment name + '-' + hash) they are the pods of the Deployments 'web' and
    // 'coredns'. db is a StatefulSet and kube-proxy a DaemonSet: their owners are named directly.
    public const string Web = "shop/web";
    public const string Db = "shop/db";
    public const string CoreDns = "kube-system/coredns";
    public const string KubeProxy = "kube-system/kube-proxy";
    public const string Outside = "ext";

    public static string YamlPath => Path.Combine(Folder, "live-shop.yaml");

    public static string ItemsJsonPath => Path.Combine(Folder, "live-shop.items.json");

    private static string Folder => Path.Combine(Snapshot.RepositoryRoot(), "tests", "PolicyCheck.Manifests.Tests", "TestData");

    /// <summary>The objects as a cluster read returns them: API JSON with apiVersion and kind.</summary>
    public static ImmutableArray<JsonObject> Items() =>
        [.. JsonNode.Parse(File.ReadAllText(ItemsJsonPath))!.AsArray().Select(n => n!.AsObject())];

    /// <summary>
    /// Every ordered pair of distinct subjects with what it allows (<c>ext</c> stands for each of the two external
    /// subjects: with no ipBlock there is one per address family, each covering all of it, and they are alike; two
    /// outside subjects never reach each other). In shop, default-deny isolates both pods both ways; the
    /// 'web' policy opens ingress on 8080/TCP from every peer (no 'from') and egress to db on 5432/TCP and to
    /// kube-dns pods in kube-system on 53 UDP and TCP; the 'db' policy opens 5432/TCP from web only; db has no
    /// egress rule. kube-system has no policy, so coredns is open both ways; kube-proxy is hostNetwork: never
    /// isolated, and never matched by a pod or namespace selector (so web's egress rules do not reach it).
    /// The web pods may not talk to each other (no rule selects app=web as a peer); the Job pod has Succeeded.
    /// </summary>
    public static IReadOnlyDictionary<(string From, string To), PortSet> Expected { get; } = new Dictionary<(string, string), PortSet>
    {
        [(Web, Db)] = PortSet.Of(Protocol.Tcp, 5432),
        [(Web, CoreDns)] = PortSet.Of(Protocol.Tcp, 53).Union(PortSet.Of(Protocol.Udp, 53)),
        [(Web, KubeProxy)] = PortSet.None,
        [(Web, Outside)] = PortSet.None,
        [(Db, Web)] = PortSet.None,
        [(Db, CoreDns)] = PortSet.None,
        [(Db, KubeProxy)] = PortSet.None,
        [(Db, Outside)] = PortSet.None,
        [(CoreDns, Web)] = PortSet.Of(Protocol.Tcp, 8080),
        [(CoreDns, Db)] = PortSet.None,
        [(CoreDns, KubeProxy)] = PortSet.All,
        [(CoreDns, Outside)] = PortSet.All,
        [(KubeProxy, Web)] = PortSet.Of(Protocol.Tcp, 8080),
        [(KubeProxy, Db)] = PortSet.None,
        [(KubeProxy, CoreDns)] = PortSet.All,
        [(KubeProxy, Outside)] = PortSet.All,
        [(Outside, Web)] = PortSet.Of(Protocol.Tcp, 8080),
        [(Outside, Db)] = PortSet.None,
        [(Outside, CoreDns)] = PortSet.All,
        [(Outside, KubeProxy)] = PortSet.All,
        [(Outside, Outside)] = PortSet.None,
    };

    /// <summary>Differences between <paramref name="matrix"/> and <see cref="Expected"/>, one line each; empty when equal.</summary>
    public static List<string> Mismatches(ReachabilityMatrix matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        string Key(Subject s) => s.IsExternal ? Outside : s.Id;
        var ids = matrix.Subjects.Select(Key).ToList();
        var problems = new List<string>();
        var expectedIds = new[] { CoreDns, KubeProxy, Db, Web, Outside, Outside };
        if (!ids.Order(StringComparer.Ordinal).SequenceEqual(expectedIds.Order(StringComparer.Ordinal)))
            problems.Add($"subjects are {string.Join(", ", ids)}");
        for (var from = 0; from < ids.Count; from++)
        {
            for (var to = 0; to < ids.Count; to++)
            {
                if (from == to)
                    continue;
                var expected = Expected.GetValueOrDefault((ids[from], ids[to]));
                var actual = matrix.Allowed(from, to);
                if (expected is null || !expected.Equals(actual))
                    problems.Add($"{ids[from]} -> {ids[to]}: expected {expected?.ToString() ?? "(no expectation)"}, got {actual}");
            }
        }

        if (ids.IndexOf(Web) is var web and >= 0 && matrix.BetweenReplicas(web) is var between && !(between?.IsEmpty ?? false))
            problems.Add($"between web replicas: expected none, got {between?.ToString() ?? "(single pod)"}");
        return problems;
    }
}
