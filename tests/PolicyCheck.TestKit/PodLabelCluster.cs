using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using PolicyCheck.Core.Model;

namespace PolicyCheck.TestKit;

/// <summary>
/// Random manifests whose pods differ in labels within one controller, with the truth of every pod written out beside
/// them: StatefulSets (their pods named and labelled per ordinal, from <c>spec.ordinals.start</c>), Deployments whose
/// live pods come from two ReplicaSets with different versions and now and then a quarantine label, and plain Jobs.
/// Policies and Services select on those labels, the controller labels included (values only where the documentation
/// gives them; the revision hash, whose value only the controller knows, only with Exists and DoesNotExist). A new
/// generator beside <see cref="RandomCluster"/>, so the seeds of that one keep their clusters.
/// </summary>
public sealed class PodLabelCluster
{
    private static readonly string[] Namespaces = ["a", "b"];
    private static readonly string[] Apps = ["db", "web", "cache"];

    private readonly Random _random;
    private readonly StringBuilder _yaml = new();
    private readonly List<PodTruth> _pods = [];

    private PodLabelCluster(int seed)
    {
        _random = new Random(seed);
    }

    /// <summary>The manifests, one YAML stream.</summary>
    public string Yaml => _yaml.ToString();

    /// <summary>Every pod the manifests make, as the Kubernetes documentation says the controllers create them.</summary>
    public ImmutableArray<PodTruth> Pods => [.. _pods];

    public static PodLabelCluster Generate(int seed)
    {
        var cluster = new PodLabelCluster(seed);
        cluster.Build();
        return cluster;
    }

    private void Build()
    {
        foreach (var ns in Namespaces)
            Document($"apiVersion: v1\nkind: Namespace\nmetadata: {{name: {ns}, labels: {{team: {ns}}}}}");
        foreach (var ns in Namespaces)
        {
            var controllers = _random.Next(1, 4);
            for (var c = 0; c < controllers; c++)
            {
                switch (_random.Next(3))
                {
                    case 0:
                        AddStatefulSet(ns, $"set{c}");
                        break;
                    case 1:
                        AddDeploymentPods(ns, $"dep{c}");
                        break;
                    default:
                        AddJob(ns, $"job{c}");
                        break;
                }
            }
        }

        foreach (var ns in Namespaces)
        {
            var policies = _random.Next(0, 4);
            for (var p = 0; p < policies; p++)
                AddPolicy(ns, $"p{p}");
            var services = _random.Next(0, 3);
            for (var s = 0; s < services; s++)
                Document($"apiVersion: v1\nkind: Service\nmetadata: {{name: s{s}, namespace: {ns}}}\nspec:\n  selector: {{{MapSelector()}}}\n  ports: [{{port: 80}}]");
        }
    }

    private void AddStatefulSet(string ns, string name)
    {
        var replicas = _random.Next(0, 5);
        var start = _random.Next(3) == 0 ? _random.Next(0, 4) : 0;
        var app = Pick(Apps);
        var ordinals = start > 0 ? $"\n  ordinals: {{start: {start}}}" : string.Empty;
        Document($"""
            apiVersion: apps/v1
            kind: StatefulSet
            metadata: {'{'}name: {name}, namespace: {ns}{'}'}
            spec:
              replicas: {replicas}{ordinals}
              serviceName: {name}
              selector: {'{'}matchLabels: {'{'}app: {app}{'}'}{'}'}
              template:
                metadata: {'{'}labels: {'{'}app: {app}{'}'}{'}'}
                spec: {'{'}containers: [{Container}]{'}'}
            """);
        for (var i = 0; i < replicas; i++)
        {
            // k8s docs: pods are named <set>-<ordinal> and labelled statefulset.kubernetes.io/pod-name (the name),
            // apps.kubernetes.io/pod-index (the ordinal) and controller-revision-hash.
            var ordinal = (start + i).ToString(CultureInfo.InvariantCulture);
            var pod = $"{name}-{ordinal}";
            Add(ns, pod, WorkloadKind.StatefulSet, name, ("app", app), (ControllerLabels.StatefulSetPodName, pod), (ControllerLabels.PodIndex, ordinal),
                (ControllerLabels.ControllerRevisionHash, "revision-known-only-to-the-controller"));
        }
    }

    /// <summary>Live pods (as <c>kubectl get pods -o yaml</c> has them) of Deployment <paramref name="name"/>, whose ReplicaSets are not in the inputs.</summary>
    private void AddDeploymentPods(string ns, string name)
    {
        var app = Pick(Apps);
        var count = _random.Next(1, 5);
        for (var i = 0; i < count; i++)
        {
            var hash = _random.Next(2) == 0 ? "aaa" : "bbb";
            var pod = $"{name}-{hash}-p{i}";
            var labels = new List<(string, string)> { ("app", app), (ControllerLabels.PodTemplateHash, hash), ("version", hash == "aaa" ? "v1" : "v2") };
            if (_random.Next(4) == 0)
                labels.Add(("quarantine", "true"));
            var written = string.Join(", ", labels.Select(l => $"{l.Item1}: \"{l.Item2}\""));
            Document($"""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: {pod}
                  namespace: {ns}
                  labels: {'{'}{written}{'}'}
                  ownerReferences:
                  - {'{'}apiVersion: apps/v1, kind: ReplicaSet, name: {name}-{hash}, uid: u, controller: true{'}'}
                spec: {'{'}containers: [{Container}]{'}'}
                status: {'{'}phase: Running{'}'}
                """);
            Add(ns, pod, WorkloadKind.Deployment, name, [.. labels]);
        }
    }

    private void AddJob(string ns, string name)
    {
        var app = Pick(Apps);
        Document($"""
            apiVersion: batch/v1
            kind: Job
            metadata: {'{'}name: {name}, namespace: {ns}{'}'}
            spec:
              template:
                metadata: {'{'}labels: {'{'}app: {app}{'}'}{'}'}
                spec: {'{'}containers: [{Container}]{'}'}
            """);

        // k8s docs: a Job's pods carry job-name and batch.kubernetes.io/job-name, both the Job's name.
        Add(ns, name, WorkloadKind.Job, name, ("app", app), (ControllerLabels.JobName, name), (ControllerLabels.BatchJobName, name));
    }

    private const string Container = "{name: c, ports: [{containerPort: 80, name: http}, {containerPort: 6379, name: redis}]}";

    private void AddPolicy(string ns, string name)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {{name: {name}, namespace: {ns}}}\nspec:\n  podSelector: {Selector()}\n");
        var ingress = _random.Next(3) != 0;
        var egress = _random.Next(2) == 0 || !ingress;
        text.Append("  policyTypes: [").Append(string.Join(", ", new[] { ingress ? "Ingress" : null, egress ? "Egress" : null }.OfType<string>())).Append("]\n");
        if (ingress)
            Rules(text, "ingress", "from");
        if (egress)
            Rules(text, "egress", "to");
        Document(text.ToString().TrimEnd('\n'));
    }

    private void Rules(StringBuilder text, string direction, string peers)
    {
        var rules = _random.Next(0, 3);
        if (rules == 0)
            return;
        text.Append(CultureInfo.InvariantCulture, $"  {direction}:\n");
        for (var r = 0; r < rules; r++)
        {
            text.Append(CultureInfo.InvariantCulture, $"  - {peers}:\n");
            var count = _random.Next(1, 3);
            for (var p = 0; p < count; p++)
            {
                text.Append(CultureInfo.InvariantCulture, $"    - podSelector: {Selector()}\n");
                if (_random.Next(3) == 0)
                    text.Append(CultureInfo.InvariantCulture, $"      namespaceSelector: {{matchLabels: {{team: {Pick(Namespaces)}}}}}\n");
            }

            if (_random.Next(2) == 0)
                text.Append(CultureInfo.InvariantCulture, $"    ports: [{{port: {Pick(["80", "6379", "http", "redis"])}}}]\n");
        }
    }

    /// <summary>A label selector on the keys that differ between pods of one controller.</summary>
    private string Selector()
    {
        if (_random.Next(6) == 0)
            return "{}";
        var key = _random.Next(7);
        var op = _random.Next(4);
        return key switch
        {
            0 => Expression(ControllerLabels.ControllerRevisionHash, op < 2 ? "Exists" : "DoesNotExist", []),
            _ when op == 0 => $"{{matchLabels: {{{MapSelector()}}}}}",
            _ => Expression(KeyOf(key), op switch { 1 => "In", 2 => "NotIn", _ => _random.Next(2) == 0 ? "Exists" : "DoesNotExist" }, [Value(KeyOf(key)), Value(KeyOf(key))]),
        };
    }

    private static string Expression(string key, string op, string[] values) =>
        op is "Exists" or "DoesNotExist"
            ? $"{{matchExpressions: [{{key: {key}, operator: {op}}}]}}"
            : $"{{matchExpressions: [{{key: {key}, operator: {op}, values: [{string.Join(", ", values.Select(v => $"\"{v}\""))}]}}]}}";

    /// <summary>One or two <c>key: value</c> pairs, for matchLabels and Service selectors.</summary>
    private string MapSelector()
    {
        var first = KeyOf(_random.Next(1, 7));
        var pairs = new List<string> { $"{first}: \"{Value(first)}\"" };
        var second = KeyOf(_random.Next(1, 7));
        if (_random.Next(3) == 0 && second != first)
            pairs.Add($"{second}: \"{Value(second)}\"");
        return string.Join(", ", pairs);
    }

    private static string KeyOf(int n) => n switch
    {
        1 => "app",
        2 => ControllerLabels.StatefulSetPodName,
        3 => ControllerLabels.PodIndex,
        4 => "version",
        5 => "quarantine",
        _ => ControllerLabels.BatchJobName,
    };

    private string Value(string key) => key switch
    {
        "app" => Pick(Apps),
        ControllerLabels.StatefulSetPodName => $"set{_random.Next(3)}-{_random.Next(6)}",
        ControllerLabels.PodIndex => _random.Next(6).ToString(CultureInfo.InvariantCulture),
        "version" => _random.Next(2) == 0 ? "v1" : "v2",
        "quarantine" => "true",
        _ => $"job{_random.Next(3)}",
    };

    private string Pick(string[] items) => items[_random.Next(items.Length)];

    private void Document(string text)
    {
        if (_yaml.Length > 0)
            _yaml.Append("---\n");
        _yaml.Append(text).Append('\n');
    }

    private void Add(string ns, string name, WorkloadKind kind, string controller, params (string Key, string Value)[] labels)
    {
        _pods.Add(new PodTruth(ns, name, Labels.Of(labels), new ObjectRef(kind.ToString(), ns, controller)));
    }
}

/// <summary>One pod as its controller creates it: namespace, name, every label it carries, and its top controller.</summary>
public sealed record PodTruth(string Namespace, string Name, ImmutableSortedDictionary<string, string> Labels, ObjectRef Controller);
