using System.Text.Json.Nodes;

namespace PolicyCheck.Kube.Tests;

/// <summary>A small cluster to serve: two namespaces, five pods, a service, its endpointslice and two policies.</summary>
internal static class ClusterObjects
{
    public static IEnumerable<JsonObject> All()
    {
        yield return Parse("""{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"shop","labels":{"kubernetes.io/metadata.name":"shop","team":"web"}}}""");
        yield return Parse("""{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"db","labels":{"kubernetes.io/metadata.name":"db"}}}""");
        foreach (var (ns, name, ip) in Pods)
        {
            yield return Parse($$$"""
                {"apiVersion":"v1","kind":"Pod","metadata":{"name":"{{{name}}}","namespace":"{{{ns}}}","labels":{"app":"{{{name[..name.IndexOf('-', StringComparison.Ordinal)]}}}"}},
                 "spec":{"containers":[{"name":"main","image":"nginx:1.27","ports":[{"containerPort":8080,"name":"http"}]}]},
                 "status":{"phase":"Running","podIP":"{{{ip}}}","podIPs":[{"ip":"{{{ip}}}"}]}}
                """);
        }

        yield return Parse("""{"apiVersion":"v1","kind":"Service","metadata":{"name":"web","namespace":"shop"},"spec":{"selector":{"app":"web"},"ports":[{"port":80,"targetPort":"http"}],"clusterIP":"10.96.0.10"}}""");
        yield return Parse("""
            {"apiVersion":"discovery.k8s.io/v1","kind":"EndpointSlice","metadata":{"name":"web-abc12","namespace":"shop","labels":{"kubernetes.io/service-name":"web"}},
             "addressType":"IPv4","endpoints":[{"addresses":["10.244.1.5"]}],"ports":[{"name":"","port":8080,"protocol":"TCP"}]}
            """);
        yield return Parse("""{"apiVersion":"networking.k8s.io/v1","kind":"NetworkPolicy","metadata":{"name":"deny-all","namespace":"shop"},"spec":{"podSelector":{},"policyTypes":["Ingress"]}}""");
        yield return Parse("""{"apiVersion":"networking.k8s.io/v1","kind":"NetworkPolicy","metadata":{"name":"db-from-shop","namespace":"db"},"spec":{"podSelector":{"matchLabels":{"app":"pg"}},"ingress":[{"from":[{"namespaceSelector":{"matchLabels":{"team":"web"}}}]}]}}""");
    }

    /// <summary>Namespace, name and IP of the served pods, in the order a real server lists them (namespace, then name).</summary>
    public static IReadOnlyList<(string Namespace, string Name, string Ip)> Pods { get; } =
    [
        ("db", "pg-0", "10.244.2.7"),
        ("shop", "api-7d9f-a", "10.244.1.6"),
        ("shop", "api-7d9f-b", "10.244.1.8"),
        ("shop", "web-5c6b-a", "10.244.1.5"),
        ("shop", "web-5c6b-b", "10.244.1.9"),
    ];

    private static JsonObject Parse(string json) => (JsonObject)JsonNode.Parse(json)!; // literal objects above
}
