using PolicyCheck.Core.Model;
using PolicyCheck.Core.Selectors;
using PolicyCheck.Manifests.Operators;

namespace PolicyCheck.Manifests.Tests;

/// <summary>
/// Custom resources of the shipped operator catalogue become the workloads their operators create. Every expected
/// name, label and port comes from the operator's source as docs/operators.md cites it (prometheus-operator
/// v0.88-v0.89: pkg/prometheus/common.go, server/statefulset.go, server/operator.go makeSelectorLabels,
/// pkg/alertmanager, pkg/thanos; CloudNativePG 1.30: pkg/specs/pods.go, pkg/management/url/url.go).
/// </summary>
[Parallelizable(ParallelScope.Fixtures)]
public sealed class OperatorCatalogueTests
{
    private static LoadResult Load(string yaml, LoadOptions? options = null) => ManifestLoader.LoadText(yaml, "cr.yaml", options);

    private static Dictionary<string, string> Expected(params (string Key, string Value)[] labels) => labels.ToDictionary(l => l.Key, l => l.Value);

    [Test]
    public void Prometheus_WithReplicasAndPodMetadata_IsItsStatefulSet()
    {
        var loaded = Load("""
            apiVersion: monitoring.coreos.com/v1
            kind: Prometheus
            metadata:
              name: k8s
              namespace: monitoring
              labels: {only-on-the-statefulset: "yes"}
            spec:
              replicas: 2
              podMetadata:
                labels:
                  app.kubernetes.io/component: prometheus
                  app.kubernetes.io/name: overwritten-by-the-operator
            """);

        Assert.That(loaded.Diagnostics, Is.Empty, () => string.Join("\n", loaded.Diagnostics));
        var workload = loaded.Cluster.Workloads.Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(workload.Kind, Is.EqualTo(WorkloadKind.StatefulSet));
            Assert.That(workload.Id, Is.EqualTo("monitoring/prometheus-k8s"));
            Assert.That(workload.Replicas, Is.EqualTo(2));
            // podMetadata.labels, then the selector labels over them; the CR's metadata.labels are not on the pods.
            Assert.That(workload.Labels, Is.EqualTo(Expected(
                ("app.kubernetes.io/component", "prometheus"),
                ("app.kubernetes.io/instance", "k8s"),
                ("app.kubernetes.io/managed-by", "prometheus-operator"),
                ("app.kubernetes.io/name", "prometheus"),
                ("operator.prometheus.io/name", "k8s"),
                ("operator.prometheus.io/shard", "0"),
                ("prometheus", "k8s"))));
            Assert.That(workload.Ports.Select(p => (p.Name, p.Number, p.Protocol)),
                Is.EqualTo(new[] { ((string?)"web", 9090, Protocol.Tcp), ("reloader-web", 8080, Protocol.Tcp) }));
            Assert.That(workload.CreatedFrom, Is.EqualTo(new ObjectRef("Prometheus", "monitoring", "k8s")));
            Assert.That(workload.Span.ToString(), Is.EqualTo("cr.yaml:1:1"));
            Assert.That(loaded.Objects.Single().Kind, Is.EqualTo("Prometheus"));
            Assert.That(loaded.Statistics.SkippedKinds, Is.Empty);
        }
    }

    [Test]
    [Description("A NetworkPolicy selecting app.kubernetes.io/name: prometheus selects the pods of the Prometheus CR.")]
    public void Prometheus_PolicyOnTheOperatorLabel_SelectsIt()
    {
        var loaded = Load("""
            apiVersion: monitoring.coreos.com/v1
            kind: Prometheus
            metadata: {name: k8s, namespace: monitoring}
            spec: {}
            """);

        var selector = new LabelSelector(Labels.Of(("app.kubernetes.io/name", "prometheus")), [], SourceSpan.None);
        var workload = loaded.Cluster.Workloads.Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(selector.Matches(workload.Labels), Is.True);
            Assert.That(workload.Replicas, Is.EqualTo(1), "replicas default to 1 (ReplicasNumberPtr)");
        }
    }

    [Test]
    public void Prometheus_TwoShards_IsOneStatefulSetPerShard()
    {
        var loaded = Load("apiVersion: monitoring.coreos.com/v1\nkind: Prometheus\nmetadata: {name: k8s, namespace: m}\nspec: {shards: 2, replicas: 3}\n");

        var workloads = loaded.Cluster.Workloads;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(workloads.Select(w => w.Name), Is.EqualTo(new[] { "prometheus-k8s", "prometheus-k8s-shard-1" }));
            Assert.That(workloads.Select(w => w.Labels["operator.prometheus.io/shard"]), Is.EqualTo(new[] { "0", "1" }));
            Assert.That(workloads.Select(w => w.Replicas), Is.EqualTo(new[] { 3, 3 }));
        }
    }

    [TestCase("portName: http", "http,9090|reloader-web,8080")]
    [TestCase("listenLocal: true", "")]
    [TestCase("thanos: {version: v0.34.0}", "web,9090|reloader-web,8080|http,10902|grpc,10901")]
    public void Prometheus_PortFields_ShapeThePorts(string spec, string expected)
    {
        var loaded = Load($"apiVersion: monitoring.coreos.com/v1\nkind: Prometheus\nmetadata: {{name: k8s, namespace: m}}\nspec: {{{spec}}}\n");

        Assert.That(loaded.Diagnostics, Is.Empty, () => string.Join("\n", loaded.Diagnostics));
        var ports = loaded.Cluster.Workloads.Single().Ports;
        Assert.That(string.Join('|', ports.Select(p => $"{p.Name},{p.Number}")), Is.EqualTo(expected));
    }

    [Test]
    public void Alertmanager_IsItsStatefulSetWithMeshPorts()
    {
        var loaded = Load("apiVersion: monitoring.coreos.com/v1\nkind: Alertmanager\nmetadata: {name: main, namespace: monitoring}\nspec: {replicas: 3}\n");

        var workload = loaded.Cluster.Workloads.Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(workload.Id, Is.EqualTo("monitoring/alertmanager-main"));
            Assert.That(workload.Replicas, Is.EqualTo(3));
            Assert.That(workload.Labels, Is.EqualTo(Expected(
                ("alertmanager", "main"),
                ("app.kubernetes.io/instance", "main"),
                ("app.kubernetes.io/managed-by", "prometheus-operator"),
                ("app.kubernetes.io/name", "alertmanager"))));
            Assert.That(workload.Ports.Select(p => (p.Name, p.Number, p.Protocol)), Is.EqualTo(new[]
            {
                ((string?)"web", 9093, Protocol.Tcp), ("mesh-tcp", 9094, Protocol.Tcp), ("mesh-udp", 9094, Protocol.Udp), ("reloader-web", 8080, Protocol.Tcp),
            }));
        }
    }

    [Test]
    public void ThanosRuler_IsItsStatefulSet()
    {
        var loaded = Load("apiVersion: monitoring.coreos.com/v1\nkind: ThanosRuler\nmetadata: {name: r, namespace: m}\nspec: {}\n");

        var workload = loaded.Cluster.Workloads.Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(workload.Id, Is.EqualTo("m/thanos-ruler-r"));
            Assert.That(workload.Labels["app.kubernetes.io/name"], Is.EqualTo("thanos-ruler"));
            Assert.That(workload.Labels["thanos-ruler"], Is.EqualTo("r"));
            Assert.That(workload.Ports.Select(p => $"{p.Name},{p.Number}"), Is.EqualTo(new[] { "grpc,10901", "web,10902", "reloader-web,8080" }));
        }
    }

    [Test]
    public void CloudNativePgCluster_IsItsInstancePods()
    {
        var loaded = Load("""
            apiVersion: postgresql.cnpg.io/v1
            kind: Cluster
            metadata: {name: pg, namespace: db}
            spec:
              instances: 3
              inheritedMetadata:
                labels: {team: data}
            """);

        Assert.That(loaded.Diagnostics, Is.Empty, () => string.Join("\n", loaded.Diagnostics));
        var pods = loaded.Cluster.Workloads;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(pods.Select(p => (p.Kind, p.Name)), Is.EqualTo(new[] { (WorkloadKind.Pod, "pg-1"), (WorkloadKind.Pod, "pg-2"), (WorkloadKind.Pod, "pg-3") }));
            Assert.That(pods.Select(p => p.Labels["cnpg.io/cluster"]), Is.All.EqualTo("pg"));
            Assert.That(pods.Select(p => p.Labels["cnpg.io/instanceName"]), Is.EqualTo(new[] { "pg-1", "pg-2", "pg-3" }));
            Assert.That(pods.Select(p => p.Labels["cnpg.io/instanceRole"]), Is.EqualTo(new[] { "primary", "replica", "replica" }));
            Assert.That(pods.Select(p => p.Labels["team"]), Is.All.EqualTo("data"));
            Assert.That(pods[0].Ports.Select(p => $"{p.Name},{p.Number}"), Is.EqualTo(new[] { "postgresql,5432", "metrics,9187", "status,8000" }));
            Assert.That(pods.Select(p => p.CreatedFrom), Is.All.EqualTo(new ObjectRef("Cluster", "db", "pg")));
        }
    }

    [Test]
    [Description("ECK: a StatefulSet '<name>-es-<nodeSet>' per node set with count pods; the user's pod labels win.")]
    public void Elasticsearch_IsOneStatefulSetPerNodeSet()
    {
        var loaded = Load("""
            apiVersion: elasticsearch.k8s.elastic.co/v1
            kind: Elasticsearch
            metadata: {name: logs, namespace: elastic}
            spec:
              version: 8.15.0
              nodeSets:
                - name: masters
                  count: 3
                - name: data
                  count: 2
                  podTemplate:
                    metadata:
                      labels: {tier: hot, common.k8s.elastic.co/type: mine}
            """);

        Assert.That(loaded.Diagnostics, Is.Empty, () => string.Join("\n", loaded.Diagnostics));
        var workloads = loaded.Cluster.Workloads;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(workloads.Select(w => (w.Kind, w.Id, w.Replicas)), Is.EqualTo(new[]
            {
                (WorkloadKind.StatefulSet, "elastic/logs-es-data", 2), (WorkloadKind.StatefulSet, "elastic/logs-es-masters", 3),
            }));
            Assert.That(workloads[1].Labels, Is.EqualTo(Expected(
                ("common.k8s.elastic.co/type", "elasticsearch"),
                ("elasticsearch.k8s.elastic.co/cluster-name", "logs"),
                ("elasticsearch.k8s.elastic.co/statefulset-name", "logs-es-masters"))));
            Assert.That(workloads[0].Labels["tier"], Is.EqualTo("hot"));
            Assert.That(workloads[0].Labels["common.k8s.elastic.co/type"], Is.EqualTo("mine"), "ECK does not override the user's labels");
            Assert.That(workloads[0].Ports.Select(p => $"{p.Name},{p.Number}"), Is.EqualTo(new[] { "https,9200", "transport,9300" }));
        }
    }

    [Test]
    public void Elasticsearch_WithoutHttpTls_NamesTheHttpPortHttp()
    {
        var loaded = Load("apiVersion: elasticsearch.k8s.elastic.co/v1\nkind: Elasticsearch\nmetadata: {name: e, namespace: x}\n" +
                          "spec:\n  http: {tls: {selfSignedCertificate: {disabled: true}}}\n  nodeSets: [{name: all, count: 1}]\n");

        Assert.That(loaded.Cluster.Workloads.Single().Ports.Select(p => $"{p.Name},{p.Number}"), Is.EqualTo(new[] { "http,9200", "transport,9300" }));
    }

    [Test]
    [Description("A kubectl dump holds the StatefulSet the operator made: it is not duplicated, and the written one wins.")]
    public void Prometheus_WithItsStatefulSetInTheInputs_IsOneWorkload()
    {
        var loaded = Load("""
            apiVersion: monitoring.coreos.com/v1
            kind: Prometheus
            metadata: {name: k8s, namespace: monitoring}
            spec: {replicas: 2}
            ---
            apiVersion: apps/v1
            kind: StatefulSet
            metadata: {name: prometheus-k8s, namespace: monitoring}
            spec:
              replicas: 2
              selector: {matchLabels: {app.kubernetes.io/name: prometheus}}
              template:
                metadata: {labels: {app.kubernetes.io/name: prometheus, live: "true"}}
                spec: {containers: [{name: prometheus}]}
            """);

        Assert.That(loaded.Diagnostics, Is.Empty, () => string.Join("\n", loaded.Diagnostics));
        var workload = loaded.Cluster.Workloads.Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(workload.Labels["live"], Is.EqualTo("true"));
            Assert.That(workload.Span.Line, Is.EqualTo(6));
            Assert.That(workload.CreatedFrom, Is.EqualTo(new ObjectRef("Prometheus", "monitoring", "k8s")));
        }
    }

    [Test]
    public void CustomResources_UnknownKindsAreKeptAndConfigurationKindsAreNot()
    {
        var loaded = Load("""
            apiVersion: example.com/v1
            kind: Foo
            metadata: {name: f, namespace: apps}
            ---
            apiVersion: monitoring.coreos.com/v1
            kind: ServiceMonitor
            metadata: {name: s, namespace: apps}
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: c, namespace: apps}
            """);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(loaded.Diagnostics, Is.Empty);
            Assert.That(loaded.Cluster.UnmodelledResources.Select(r => (r.QualifiedKind, r.Namespace, r.Name, r.Span.Line)),
                Is.EqualTo(new[] { ("Foo.example.com", "apps", "f", 1) }));
            Assert.That(loaded.Statistics.SkippedKinds.Keys, Is.EquivalentTo(new[] { "ConfigMap", "Foo", "ServiceMonitor" }));
            Assert.That(loaded.Cluster.Workloads, Is.Empty);
        }
    }

    [Test]
    public void Prometheus_LabelThatIsNotAString_IsAnErrorAtTheValue()
    {
        var loaded = Load("apiVersion: monitoring.coreos.com/v1\nkind: Prometheus\nmetadata: {name: k8s, namespace: m}\nspec:\n  podMetadata:\n    labels: {enabled: true}\n");

        var error = loaded.Diagnostics.Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(error.Id, Is.EqualTo(LoadDiagnostics.NonStringScalar.Id));
            Assert.That(error.Span.ToString(), Is.EqualTo("cr.yaml:6:23"));
            Assert.That(error.Message, Does.EndWith("the Prometheus 'm/k8s' is left out."));
            Assert.That(loaded.Cluster.Workloads, Is.Empty);
        }
    }

    [Test]
    public void ShippedCatalogue_HasTheDocumentedEntries()
    {
        var kinds = OperatorCatalog.Shipped.Entries.Where(e => e.Creates != OperatorCreates.Nothing).Select(e => e.QualifiedKind);

        Assert.That(kinds, Is.EquivalentTo(new[]
        {
            "Prometheus.monitoring.coreos.com", "Alertmanager.monitoring.coreos.com", "ThanosRuler.monitoring.coreos.com", "Cluster.postgresql.cnpg.io",
            "Elasticsearch.elasticsearch.k8s.elastic.co",
        }));
        Assert.That(OperatorCatalog.Shipped.Entries.Where(e => e.Creates != OperatorCreates.Nothing).Select(e => e.Source), Is.All.Not.Null.And.All.Not.Empty);
    }

    [Test]
    public void ExtraEntry_ReplacesTheShippedOneAndAddsKinds()
    {
        var errors = new List<OperatorCatalogError>();
        var entries = OperatorCatalogReader.ReadFile("""
            operators:
              - group: example.com
                kind: Foo
                operator: foo-operator
                creates: StatefulSet
                name: foo-{name}
                replicas: {field: spec.size, default: 2}
                labels: {app: foo, instance: '{name}'}
                ports: [{name: http, port: 8080, portFrom: spec.port}]
            """, "extra.yaml", errors);
        var options = new LoadOptions { Operators = OperatorCatalog.Shipped.With(entries) };

        var loaded = Load("apiVersion: example.com/v1\nkind: Foo\nmetadata: {name: a, namespace: x}\nspec: {port: 9000}\n", options);

        Assert.That(errors, Is.Empty);
        var workload = loaded.Cluster.Workloads.Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(workload.Id, Is.EqualTo("x/foo-a"));
            Assert.That(workload.Replicas, Is.EqualTo(2));
            Assert.That(workload.Labels, Is.EqualTo(Expected(("app", "foo"), ("instance", "a"))));
            Assert.That(workload.Ports.Single().Number, Is.EqualTo(9000));
            Assert.That(loaded.Cluster.UnmodelledResources, Is.Empty);
        }
    }

    [TestCase("operators:\n  - {group: example.com, kind: Foo, operator: o, creates: Deployment, name: x}\n", "extra.yaml:2:59", "'creates: Deployment' is not valid; use StatefulSet, Pods or nothing.")]
    [TestCase("operators:\n  - {group: example.com, kind: Foo, operator: o, creates: nothing, replica: 1}\n", "extra.yaml:2:68", "Unknown key 'replica' in an operator entry;")]
    [TestCase("operators:\n  - {group: example, kind: Foo, operator: o, creates: nothing}\n", "extra.yaml:2:13", "The group 'example' of Foo must be a custom resource's API group")]
    [TestCase("operators:\n  - {group: example.com, kind: Foo, creates: nothing}\n", "extra.yaml:2:5", "An operator entry needs 'operator'.")]
    [TestCase("operators:\n  - {group: example.com, kind: Foo, operator: o, creates: Pods, name: x, forEach: spec.sets}\n", "extra.yaml:2:83", "'forEach' applies to 'creates: StatefulSet' without 'shards' only.")]
    [TestCase("operators:\n  - {group: example.com, kind: Foo, operator: o, creates: Pods, name: x, ports: [{name: http}]}\n", "extra.yaml:2:82", "A port needs a 'port' number in 1-65535.")]
    public void CatalogueEntry_Invalid_IsALocatedError(string text, string at, string message)
    {
        var errors = new List<OperatorCatalogError>();

        var entries = OperatorCatalogReader.ReadFile(text, "extra.yaml", errors);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(entries, Is.Empty);
            Assert.That(errors.Select(e => e.Span.ToString()), Does.Contain(at), () => string.Join("\n", errors));
            Assert.That(errors.Select(e => e.Message), Has.Some.StartsWith(message));
        }
    }
}
