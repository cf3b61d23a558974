using PolicyCheck.Core.Model;
using PolicyCheck.TestKit;

namespace PolicyCheck.Manifests.Tests;

public sealed partial class ManifestLoaderTests
{
    [Test]
    [Description("kubectl get -o yaml prints a 'kind: List' whose items carry their own kind, keys sorted.")]
    public void List_AsKubectlPrintsIt_LoadsEveryItem()
    {
        var result = Load("""
            apiVersion: v1
            items:
            - apiVersion: v1
              kind: Service
              metadata:
                name: web
                namespace: shop
              spec:
                ports:
                - port: 80
                  protocol: TCP
                  targetPort: 8080
                selector:
                  app: web
                type: ClusterIP
            - apiVersion: networking.k8s.io/v1
              kind: NetworkPolicy
              metadata:
                name: deny
                namespace: shop
              spec:
                podSelector: {}
                policyTypes:
                - Ingress
            - apiVersion: v1
              kind: ConfigMap
              metadata: {name: settings, namespace: shop}
            kind: List
            metadata:
              resourceVersion: ""
            """);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Diagnostics, Is.Empty);
            Assert.That(result.Cluster.Services.Single().Ref, Is.EqualTo(new ObjectRef("Service", "shop", "web")));
            Assert.That(result.Cluster.Policies.Single().Ref, Is.EqualTo(new ObjectRef("NetworkPolicy", "shop", "deny")));
            Assert.That(result.Statistics.Documents, Is.EqualTo(1));
            Assert.That(result.Statistics.Objects, Is.EqualTo(3));
            Assert.That(result.Statistics.SkippedKinds, Is.EqualTo(new Dictionary<string, int> { ["ConfigMap"] = 1 }));
        }
    }

    [Test]
    [Description("The API returns typed lists (PodList, …) whose items omit kind and apiVersion.")]
    public void TypedList_ItemsWithoutKind_TakeItFromTheList()
    {
        var result = Load("""
            apiVersion: v1
            kind: PodList
            items:
            - metadata: {name: a, namespace: x, labels: {app: a}}
              spec: {containers: [{name: c}]}
            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicyList
            items:
            - metadata: {name: p, namespace: x}
              spec: {podSelector: {}}
            ---
            apiVersion: apps/v1
            kind: DeploymentList
            metadata: {resourceVersion: "1"}
            items:
            - metadata: {name: d, namespace: x}
              spec: {template: {spec: {containers: [{name: c}]}}}
            ---
            apiVersion: v1
            kind: ConfigMapList
            items: [{metadata: {name: c, namespace: x}}]
            """);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Diagnostics, Is.Empty);
            Assert.That(result.Cluster.Workloads.Select(w => (w.Kind, w.Id)), Is.EqualTo(new[]
            {
                (WorkloadKind.Pod, "x/a"),
                (WorkloadKind.Deployment, "x/d"),
            }));
            Assert.That(result.Cluster.Policies.Single().Name, Is.EqualTo("p"));
            Assert.That(result.Statistics.Objects, Is.EqualTo(4));
            Assert.That(result.Statistics.SkippedKinds, Is.EqualTo(new Dictionary<string, int> { ["ConfigMap"] = 1 }));
        }
    }

    [Test]
    [Description("kubectl get networkpolicies -o json: 4-space indented JSON goes through the same YAML parser.")]
    public void List_AsKubectlJson_LoadsWithSpans()
    {
        var policy = SinglePolicy(ManifestLoader.LoadText("""
            {
                "apiVersion": "v1",
                "items": [
                    {
                        "apiVersion": "networking.k8s.io/v1",
                        "kind": "NetworkPolicy",
                        "metadata": {
                            "name": "allow-dns",
                            "namespace": "shop"
                        },
                        "spec": {
                            "egress": [
                                {
                                    "ports": [
                                        {
                                            "port": 53,
                                            "protocol": "UDP"
                                        }
                                    ],
                                    "to": [
                                        {
                                            "namespaceSelector": {
                                                "matchLabels": {
                                                    "kubernetes.io/metadata.name": "kube-system"
                                                }
                                            }
                                        }
                                    ]
                                }
                            ],
                            "podSelector": {},
                            "policyTypes": [
                                "Egress"
                            ]
                        }
                    }
                ],
                "kind": "List",
                "metadata": {
                    "resourceVersion": ""
                }
            }
            """, "policies.json"));

        var rule = policy.Egress!.Value.Single();
        var port = rule.Ports!.Value.Single();
        var peer = rule.Peers!.Value.Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(policy.Ref, Is.EqualTo(new ObjectRef("NetworkPolicy", "shop", "allow-dns")));
            Assert.That(policy.PolicyTypes, Is.EqualTo(new[] { Direction.Egress }));
            Assert.That((port.Protocol, port.Port), Is.EqualTo(((Protocol?)Protocol.Udp, (PortValue?)PortValue.Of(53))));
            Assert.That(peer.NamespaceSelector!.MatchLabels[Namespace.NameLabel], Is.EqualTo("kube-system"));
            Assert.That(policy.Span.Path, Is.EqualTo("policies.json"));
            Assert.That(Where(policy.Span), Is.EqualTo((4, 9, 36, 10)));
            Assert.That(Where(rule.Span), Is.EqualTo((13, 21, 29, 22)));
            Assert.That(Where(port.Span), Is.EqualTo((15, 29, 18, 30)));
            Assert.That(Where(peer.Span), Is.EqualTo((21, 29, 27, 30)));
            Assert.That(Where(peer.NamespaceSelector.Span), Is.EqualTo((22, 54, 26, 34)));
            Assert.That(Where(policy.PodSelector.Span), Is.EqualTo((31, 32, 31, 34)));
        }
    }

    [Test]
    public void Json_FileOnDisk_LoadsLikeYaml()
    {
        using var folder = new TempFolder();
        var path = folder.Write("pod.json", """
            {"apiVersion":"v1","kind":"Pod","metadata":{"name":"p","labels":{"app":"p"}},
             "spec":{"containers":[{"name":"c","ports":[{"containerPort":80,"name":"http"}]}]}}
            """);

        var result = ManifestLoader.Load([path]);

        var pod = SingleWorkload(result);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Diagnostics, Is.Empty);
            Assert.That(pod.Labels["app"], Is.EqualTo("p"));
            Assert.That(pod.Ports.Single().Name, Is.EqualTo("http"));
            Assert.That(Where(pod.Ports.Single().Span), Is.EqualTo((2, 45, 2, 79)));
        }
    }

    [Test]
    public void List_ItemWithoutKind_IsLeftOutAndOtherItemsLoad()
    {
        var result = Load("""
            apiVersion: v1
            kind: List
            items:
            - apiVersion: v1
              metadata: {name: no-kind}
            - apiVersion: v1
              kind: Namespace
              metadata: {name: still-loaded}
            """);

        var diagnostic = AssertSingleError(result, LoadDiagnostics.MissingTypeField, 4, 3);
        Assert.That(diagnostic.Message, Is.EqualTo("'kind' is missing; every Kubernetes object needs apiVersion and kind; the object is left out."));
    }

    [Test]
    public void List_ItemsNotAList_IsWrongType()
    {
        var result = Load("""
            apiVersion: v1
            kind: List
            items: {apiVersion: v1, kind: Namespace, metadata: {name: lost}}
            """ + "\n" + StillLoaded);

        var diagnostic = AssertSingleError(result, LoadDiagnostics.WrongType, 3, 8);
        Assert.That(diagnostic.Message, Is.EqualTo("'items' must be a list, not a mapping; the List is left out."));
    }
}
