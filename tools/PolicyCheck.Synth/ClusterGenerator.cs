using System.Globalization;
using System.Text;

namespace PolicyCheck.Synth;

/// <summary>
/// Writes a realistic synthetic cluster: namespaces with team/env labels, Deployments and StatefulSets with app,
/// tier, team, version and part-of labels and named ports (http, grpc, metrics, a UDP dns-like port), Services,
/// and a policy mix like real clusters have: default deny per namespace, allow-from-same-app, cross-namespace
/// namespaceSelector+podSelector, matchExpressions, port lists, endPort ranges, named ports, ipBlocks with except,
/// and egress with DNS allowances. One file per namespace, plus kube-system with CoreDNS.
/// </summary>
public sealed class ClusterGenerator
{
    private static readonly string[] Tiers = ["web", "api", "worker", "db", "cache"];
    private static readonly string[] Envs = ["prod", "staging", "dev"];
    private static readonly string[] Versions = ["v1", "v2", "v3"];

    private readonly SynthOptions _options;
    private readonly Random _random;
    private readonly List<Ns> _namespaces = [];
    private readonly List<App> _apps = [];
    private readonly string[] _cidrs;

    public ClusterGenerator(SynthOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Namespaces, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(options.Workloads);
        ArgumentOutOfRangeException.ThrowIfNegative(options.Policies);
        ArgumentOutOfRangeException.ThrowIfNegative(options.PodsPerWorkload);
        _options = options;
        _random = new Random(options.Seed);
        // A bounded pool of partner and office networks, as real clusters reuse a handful of them.
        _cidrs = [.. Enumerable.Range(0, 40).Select(i => i % 2 == 0
            ? $"{_random.Next(11, 220)}.{_random.Next(0, 255)}.0.0/16"
            : $"{_random.Next(11, 220)}.{_random.Next(0, 255)}.{_random.Next(0, 255)}.0/24")];
        Plan();
    }

    /// <summary>Writes the manifests into <paramref name="folder"/> and returns the file names.</summary>
    public IReadOnlyList<string> WriteTo(string folder)
    {
        Directory.CreateDirectory(folder);
        var files = new List<string>();
        foreach (var (name, text) in Files())
        {
            var path = Path.Combine(folder, name);
            File.WriteAllText(path, text);
            files.Add(path);
        }

        return files;
    }

    /// <summary>The manifests as (file name, YAML text), in a fixed order.</summary>
    public IEnumerable<(string Name, string Text)> Files()
    {
        yield return ("kube-system.yaml", KubeSystem());
        var policiesByNs = DistributePolicies();
        foreach (var ns in _namespaces)
        {
            var text = new StringBuilder();
            NamespaceYaml(text, ns);
            foreach (var app in _apps.Where(a => a.Ns == ns))
            {
                WorkloadYaml(text, app);
                if (app.HasService)
                    ServiceYaml(text, app);
                PodsYaml(text, app);
            }

            foreach (var policy in policiesByNs[ns.Index])
                text.Append(policy);
            yield return ($"{ns.Name}.yaml", text.ToString());
        }
    }

    private void Plan()
    {
        for (var i = 0; i < _options.Namespaces; i++)
        {
            _namespaces.Add(new Ns(i, $"ns-{i:D4}", $"team-{_random.Next(0, Math.Max(2, _options.Namespaces / 5)):D3}",
                Envs[_random.Next(Envs.Length)]));
        }

        for (var i = 0; i < _options.Workloads; i++)
        {
            var ns = _namespaces[i % _namespaces.Count];
            var tier = Tiers[_random.Next(Tiers.Length)];
            var stateful = tier is "db" or "cache" && _random.NextDouble() < 0.7;
            _apps.Add(new App(
                i,
                ns,
                $"app-{i:D5}",
                tier,
                Versions[_random.Next(Versions.Length)],
                $"system-{_random.Next(0, Math.Max(2, _options.Workloads / 20)):D4}",
                stateful,
                Replicas: _random.Next(1, 4),
                HasGrpc: _random.NextDouble() < 0.4,
                HasDns: _random.NextDouble() < 0.05,
                HasService: _random.NextDouble() < 0.8));
        }
    }

    private List<string>[] DistributePolicies()
    {
        var result = _namespaces.Select(_ => new List<string>()).ToArray();
        var remaining = _options.Policies;
        // Most namespaces start from a default deny of both directions, as hardening guides recommend.
        foreach (var ns in _namespaces)
        {
            if (remaining == 0)
                break;
            if (_random.NextDouble() < 0.8)
            {
                result[ns.Index].Add(DefaultDeny(ns));
                remaining--;
            }
        }

        var serial = 0;
        while (remaining-- > 0 && _apps.Count > 0)
        {
            var app = _apps[_random.Next(_apps.Count)];
            var kind = _random.Next(100);
            var name = $"p{serial++:D5}";
            result[app.Ns.Index].Add(kind switch
            {
                < 25 => AllowSameApp(app, name),
                < 45 => AllowCrossNamespace(app, name),
                < 55 => MatchExpressions(app, name),
                < 65 => PortRange(app, name),
                < 75 => IpBlocks(app, name),
                _ => EgressWithDns(app, name),
            });
        }

        return result;
    }

    // ---- objects ---------------------------------------------------------------------------------------------

    private static string KubeSystem() => """
        apiVersion: v1
        kind: Namespace
        metadata:
          name: kube-system
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: coredns
          namespace: kube-system
          labels: {k8s-app: kube-dns}
        spec:
          replicas: 2
          selector: {matchLabels: {k8s-app: kube-dns}}
          template:
            metadata: {labels: {k8s-app: kube-dns}}
            spec:
              containers:
              - name: coredns
                image: registry.k8s.io/coredns/coredns:v1.11.1
                ports:
                - {name: dns, containerPort: 53, protocol: UDP}
                - {name: dns-tcp, containerPort: 53, protocol: TCP}
                - {name: metrics, containerPort: 9153, protocol: TCP}
        ---
        apiVersion: v1
        kind: Service
        metadata:
          name: kube-dns
          namespace: kube-system
        spec:
          selector: {k8s-app: kube-dns}
          ports:
          - {name: dns, port: 53, protocol: UDP, targetPort: 53}
          - {name: dns-tcp, port: 53, protocol: TCP, targetPort: 53}

        """;

    private static void NamespaceYaml(StringBuilder text, Ns ns) => text.Append(CultureInfo.InvariantCulture, $"""
        apiVersion: v1
        kind: Namespace
        metadata:
          name: {ns.Name}
          labels: {"{"}team: {ns.Team}, env: {ns.Env}{"}"}
        ---

        """);

    private static string Labels(App app) =>
        $"{{app: {app.Name}, tier: {app.Tier}, team: {app.Ns.Team}, version: {app.Version}, part-of: {app.PartOf}}}";

    private static void WorkloadYaml(StringBuilder text, App app)
    {
        text.Append(CultureInfo.InvariantCulture, $"""
            apiVersion: apps/v1
            kind: {(app.Stateful ? "StatefulSet" : "Deployment")}
            metadata:
              name: {app.Name}
              namespace: {app.Ns.Name}
              labels: {Labels(app)}
            spec:
              replicas: {app.Replicas}
              selector: {"{"}matchLabels: {"{"}app: {app.Name}{"}}"}
              template:
                metadata:
                  labels: {Labels(app)}
                spec:
                  containers:
                  - name: main
                    image: registry.example.com/{app.Name}:1.0
                    ports:

            """);
        PortLines(text, app, "        ");
        text.Append("---\n");
    }

    private static void PortLines(StringBuilder text, App app, string indent)
    {
        text.Append(indent).Append("- {name: http, containerPort: 8080}\n");
        text.Append(indent).Append("- {name: metrics, containerPort: 9100}\n");
        if (app.HasGrpc)
            text.Append(indent).Append("- {name: grpc, containerPort: 9090}\n");
        if (app.HasDns)
            text.Append(indent).Append("- {name: dns, containerPort: 5353, protocol: UDP}\n");
    }

    private static void ServiceYaml(StringBuilder text, App app) => text.Append(CultureInfo.InvariantCulture, $"""
        apiVersion: v1
        kind: Service
        metadata:
          name: {app.Name}
          namespace: {app.Ns.Name}
        spec:
          selector: {"{"}app: {app.Name}{"}"}
          ports:
          - {"{"}name: http, port: 80, targetPort: http{"}"}
        ---

        """);

    private void PodsYaml(StringBuilder text, App app)
    {
        if (_options.PodsPerWorkload > 0 && !app.Stateful)
        {
            // The ReplicaSet a Deployment owns links its pods back to the Deployment, as in a live cluster.
            text.Append(CultureInfo.InvariantCulture, $"""
                apiVersion: apps/v1
                kind: ReplicaSet
                metadata:
                  name: {app.Name}-7d4b9c
                  namespace: {app.Ns.Name}
                  ownerReferences:
                  - {"{"}apiVersion: apps/v1, kind: Deployment, name: {app.Name}, uid: d-{app.Index}, controller: true{"}"}
                spec:
                  replicas: {_options.PodsPerWorkload}
                  selector: {"{"}matchLabels: {"{"}app: {app.Name}{"}}"}
                  template:
                    metadata:
                      labels: {Labels(app)}
                    spec:
                      containers:
                      - name: main
                        image: registry.example.com/{app.Name}:1.0
                ---

                """);
        }

        for (var r = 0; r < _options.PodsPerWorkload; r++)
        {
            var ip = $"10.{64 + ((app.Index >> 16) & 63)}.{(app.Index >> 8) & 255}.{app.Index & 255}";
            var owner = app.Stateful ? ("StatefulSet", app.Name) : ("ReplicaSet", $"{app.Name}-7d4b9c");
            text.Append(CultureInfo.InvariantCulture, $"""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: {app.Name}-{r}
                  namespace: {app.Ns.Name}
                  labels: {Labels(app)[..^1]}, pod-template-hash: 7d4b9c{"}"}
                  ownerReferences:
                  - {"{"}apiVersion: apps/v1, kind: {owner.Item1}, name: {owner.Item2}, uid: u-{app.Index}, controller: true{"}"}
                spec:
                  containers:
                  - name: main
                    image: registry.example.com/{app.Name}:1.0
                    ports:

                """);
            PortLines(text, app, "    ");
            text.Append(CultureInfo.InvariantCulture, $"""
                status:
                  phase: Running
                  podIP: {ip[..ip.LastIndexOf('.')]}.{(r * 7 + app.Index) % 250 + 1}
                ---

                """);
        }
    }

    // ---- policies --------------------------------------------------------------------------------------------

    private static string Header(string ns, string name) => $"""
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata:
          name: {name}
          namespace: {ns}
        spec:

        """;

    private static string DefaultDeny(Ns ns) => Header(ns.Name, "default-deny") + """
          podSelector: {}
          policyTypes: [Ingress, Egress]
        ---

        """;

    private static string AllowSameApp(App app, string name) => Header(app.Ns.Name, name) + $"""
          podSelector: {"{"}matchLabels: {"{"}app: {app.Name}{"}}"}
          ingress:
          - from:
            - podSelector: {"{"}matchLabels: {"{"}app: {app.Name}{"}}"}
            - podSelector: {"{"}matchLabels: {"{"}tier: web{"}}"}
            ports:
            - {"{"}port: http{"}"}
            - {"{"}port: grpc{"}"}
        ---

        """;

    private string AllowCrossNamespace(App app, string name)
    {
        var other = _namespaces[_random.Next(_namespaces.Count)];
        return Header(app.Ns.Name, name) + $"""
              podSelector: {"{"}matchLabels: {"{"}tier: {app.Tier}{"}}"}
              ingress:
              - from:
                - namespaceSelector: {"{"}matchLabels: {"{"}team: {other.Team}{"}}"}
                  podSelector: {"{"}matchLabels: {"{"}tier: web{"}}"}
                ports:
                - {"{"}port: 8080, protocol: TCP{"}"}
                - {"{"}port: 9090{"}"}
            ---

            """;
    }

    private static string MatchExpressions(App app, string name) => Header(app.Ns.Name, name) + $"""
          podSelector:
            matchExpressions:
            - {"{"}key: tier, operator: In, values: [api, worker]{"}"}
            - {"{"}key: part-of, operator: In, values: [{app.PartOf}]{"}"}
          ingress:
          - from:
            - podSelector:
                matchExpressions:
                - {"{"}key: version, operator: NotIn, values: [v1]{"}"}
                - {"{"}key: part-of, operator: Exists{"}"}
            ports:
            - {"{"}port: metrics{"}"}
        ---

        """;

    private string PortRange(App app, string name)
    {
        var first = 8000 + (_random.Next(0, 20) * 10);
        return Header(app.Ns.Name, name) + $"""
              podSelector: {"{"}matchLabels: {"{"}app: {app.Name}{"}}"}
              ingress:
              - from:
                - namespaceSelector: {"{"}matchLabels: {"{"}env: {app.Ns.Env}{"}}"}
                ports:
                - {"{"}port: {first}, endPort: {first + 99}, protocol: TCP{"}"}
            ---

            """;
    }

    private string IpBlocks(App app, string name)
    {
        var partner = _cidrs[_random.Next(_cidrs.Length)];
        return Header(app.Ns.Name, name) + $"""
              podSelector: {"{"}matchLabels: {"{"}app: {app.Name}{"}}"}
              policyTypes: [Ingress, Egress]
              ingress:
              - from:
                - ipBlock: {"{"}cidr: {partner}{"}"}
                - ipBlock: {"{"}cidr: 10.0.0.0/8, except: [10.96.0.0/12]{"}"}
                ports:
                - {"{"}port: http{"}"}
              egress:
              - to:
                - ipBlock: {"{"}cidr: 0.0.0.0/0, except: [169.254.169.254/32, 10.0.0.0/8]{"}"}
                ports:
                - {"{"}port: 443{"}"}
            ---

            """;
    }

    private string EgressWithDns(App app, string name)
    {
        var target = _apps[_random.Next(_apps.Count)];
        return Header(app.Ns.Name, name) + $"""
              podSelector: {"{"}matchLabels: {"{"}app: {app.Name}{"}}"}
              policyTypes: [Egress]
              egress:
              - to:
                - namespaceSelector: {"{"}matchLabels: {"{"}kubernetes.io/metadata.name: kube-system{"}}"}
                  podSelector: {"{"}matchLabels: {"{"}k8s-app: kube-dns{"}}"}
                ports:
                - {"{"}port: 53, protocol: UDP{"}"}
                - {"{"}port: 53, protocol: TCP{"}"}
              - to:
                - namespaceSelector: {"{"}matchLabels: {"{"}kubernetes.io/metadata.name: {target.Ns.Name}{"}}"}
                  podSelector: {"{"}matchLabels: {"{"}app: {target.Name}{"}}"}
                ports:
                - {"{"}port: http{"}"}
            ---

            """;
    }

    private sealed record Ns(int Index, string Name, string Team, string Env);

    private sealed record App(int Index, Ns Ns, string Name, string Tier, string Version, string PartOf, bool Stateful, int Replicas,
        bool HasGrpc, bool HasDns, bool HasService);
}
