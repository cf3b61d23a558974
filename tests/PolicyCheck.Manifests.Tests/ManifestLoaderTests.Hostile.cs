using System.Diagnostics;
using PolicyCheck.Core.Diagnostics;

namespace PolicyCheck.Manifests.Tests;

/// <summary>Issue #12, "Trustworthy on hostile input": what the loader used to skip silently or misread.</summary>
public sealed partial class ManifestLoaderTests
{
    [TestCase("v1", "NetworkPolicy", "WrongApiVersion", "NetworkPolicy is served as 'networking.k8s.io/v1', not 'v1'")]
    [TestCase("networking/v1", "NetworkPolicy", "WrongApiVersion", "NetworkPolicy is served as 'networking.k8s.io/v1', not 'networking/v1'")]
    [TestCase("networking.k8s.io/v2", "NetworkPolicy", "WrongApiVersion", "NetworkPolicy is served as 'networking.k8s.io/v1', not 'networking.k8s.io/v2'")]
    [TestCase("apps/v1", "Service", "WrongApiVersion", "Service is served as 'v1', not 'apps/v1'")]
    [TestCase("networking.k8s.io", "NetworkPolicy", "InvalidApiVersion", "names a group without a version")]
    [TestCase("k8sV1", "NetworkPolicy", "InvalidApiVersion", "The apiVersion 'k8sV1' is not valid")]
    [TestCase("k8sV1", "Widget", "InvalidApiVersion", "The apiVersion 'k8sV1' is not valid")]
    [TestCase("networking.k8s.io/v1", "networkpolicy", "KindCaseMismatch", "write 'NetworkPolicy' (served as 'networking.k8s.io/v1')")]
    [Description("k8s API conventions: apiVersion is group/version (core: version); kinds are CamelCase and case-sensitive.")]
    public void Object_KindOrApiVersionLikeOurs_IsAnErrorAtItsField(string apiVersion, string kind, string descriptor, string message)
    {
        var result = Load($"apiVersion: {apiVersion}\nkind: {kind}\nmetadata: {{name: p, namespace: shop}}\n" + StillLoaded);

        var diagnostic = SingleDiagnostic(result);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(diagnostic.Descriptor.Name, Is.EqualTo(descriptor), diagnostic.ToString);
            Assert.That(diagnostic.Severity, Is.EqualTo(Severity.Error));
            Assert.That(diagnostic.Span.Line, Is.EqualTo(descriptor == "KindCaseMismatch" ? 2 : 1));
            Assert.That(diagnostic.Message, Does.Contain(message));
            Assert.That(diagnostic.Message, Does.Not.Contain("no longer served"));
        }
    }

    [TestCase("networking.k8s.io/v1", "\"NetworkPolicy \"", " (did you mean 'NetworkPolicy'?)")]
    [TestCase("networking.k8s.io/v1", "Network Policy", " (did you mean 'NetworkPolicy'?)")]
    [TestCase("v1", "\"Service\\r\"", " (did you mean 'Service'?)")]
    [TestCase("v1", "\"a..b\"", "")]
    [TestCase("apps/v1", "\"10.0.0.0/8\"", "")]
    [TestCase("example.com/v1", "My_Widget", "")]
    [Description("k8s apiextensions validation: a kind, lowercased, must be a DNS-1035 label (letters, digits, '-', " +
                 "starting with a letter), so no API group serves these kinds and the API server refuses the object.")]
    public void Object_KindNoApiCanServe_IsAnErrorAtItsField(string apiVersion, string kind, string suggestion)
    {
        var result = Load($"apiVersion: {apiVersion}\nkind: {kind}\nmetadata: {{name: p, namespace: shop}}\n" + StillLoaded);

        var diagnostic = AssertSingleError(result, LoadDiagnostics.InvalidKind, 2, 7);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(diagnostic.Message, Does.StartWith("The kind '"));
            Assert.That(diagnostic.Message, Does.Contain("is not valid: a kind is letters, digits and '-', starting with a letter"));
            Assert.That(diagnostic.Message, suggestion.Length > 0 ? Does.Contain(suggestion) : Does.Not.Contain("did you mean"));
            Assert.That(result.Statistics.SkippedKinds, Is.Empty, "a kind no API serves is not some other kind to skip");
        }
    }

    [Test]
    public void TypedList_ItemsInheritingTheWrongVersion_AreErrors()
    {
        var result = Load("apiVersion: v1\nkind: DeploymentList\nitems:\n- metadata: {name: web}\n  spec: {template: {}}\n" + StillLoaded);

        var diagnostic = AssertSingleError(result, LoadDiagnostics.WrongApiVersion, 4, 3);
        Assert.That(diagnostic.Message, Does.StartWith("Deployment is served as 'apps/v1', not 'v1'"));
    }

    [Test]
    public void Object_UnrelatedKindsAndCustomResources_StaySkippedAndCounted()
    {
        // Calico's NetworkPolicy (crd.projectcalico.org), once a case here, is a warning since issue #14
        // (UnevaluatedKindsTests): a policy kind that is not evaluated must not be silent.
        var result = Load("""
            apiVersion: example.com/v1alpha1
            kind: networkpolicy
            metadata: {name: lower}
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: c}
            """);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Diagnostics, Is.Empty);
            Assert.That(result.Statistics.SkippedKinds.Keys, Is.EquivalentTo(new[] { "networkpolicy", "ConfigMap" }));
        }
    }

    [TestCase("metadata: {name: p, namepsace: prod}", 3, 21, "namespace")]
    [TestCase("metadata: {name: p, lables: {a: b}}", 3, 21, "labels")]
    [TestCase("metdata: {name: p}", 3, 1, "metadata")]
    public void UnknownField_InMetadata_IsAnErrorWithASuggestion(string metadata, int line, int column, string suggestion)
    {
        var result = Load($"apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\n{metadata}\nspec: {{podSelector: {{}}}}\n" + StillLoaded);

        var diagnostic = AssertSingleError(result, LoadDiagnostics.UnknownField, line, column);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(diagnostic.Message, Does.Contain($"(did you mean '{suggestion}'?)"));
            Assert.That(result.Cluster.Policies, Is.Empty, "kubectl's strict validation refuses the object");
        }
    }

    [TestCase(Pod, "hostnetwork: true\ncontainers: [{name: c}]", 1, 1, "hostNetwork")]
    [TestCase(Service, "selectr: {app: web}", 1, 1, "selector")]
    [TestCase(Pod, "containers:\n- name: c\n  port: [{containerPort: 80}]", 3, 3, "ports")]
    [TestCase(Deployment, "templat: {}\ntemplate: {}", 1, 1, "template")]
    public void UnknownField_ThatChangesReachability_IsAnError(string apiVersionAndKind, string spec, int line, int column, string suggestion)
    {
        var (apiVersion, kind) = (apiVersionAndKind.Split(' ')[0], apiVersionAndKind.Split(' ')[1]);
        var yaml = $"apiVersion: {apiVersion}\nkind: {kind}\nmetadata: {{name: bad}}\nspec:\n" +
                   string.Join('\n', spec.Split('\n').Select(l => "  " + l)) + "\n" + StillLoaded;

        var diagnostic = AssertSingleError(Load(yaml), LoadDiagnostics.UnknownField, line + 4, column + 2);
        Assert.That(diagnostic.Message, Does.Contain($"(did you mean '{suggestion}'?)"));
    }

    [Test]
    public void UnknownField_InADeploymentSpecAwayFromReachability_IsAWarningAndItLoads()
    {
        var result = Load("apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  strategyy: {}\n  template: {}\n");

        var diagnostic = SingleDiagnostic(result);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(diagnostic.Descriptor, Is.EqualTo(LoadDiagnostics.UnknownFieldIgnored));
            Assert.That((diagnostic.Span.Line, diagnostic.Span.Column), Is.EqualTo((5, 3)));
            Assert.That(diagnostic.Message, Does.Contain("(did you mean 'strategy'?)"));
            Assert.That(result.Cluster.Workloads, Has.Length.EqualTo(1));
        }
    }

    [Test]
    [Description("Real-looking manifests with the common fields of every level the loader reads: nothing fires.")]
    public void FullManifests_WithEveryCommonField_GiveNoDiagnostic()
    {
        var result = Load("""
            apiVersion: v1
            kind: Namespace
            metadata: {name: shop, labels: {team: shop}, annotations: {owner: a}}
            spec: {finalizers: [kubernetes]}
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
              namespace: shop
              labels: {app.kubernetes.io/name: web}
              annotations: {deployment.kubernetes.io/revision: "3"}
              generation: 3
              uid: 0b1c
              resourceVersion: "42"
              creationTimestamp: "2024-01-01T00:00:00Z"
            spec:
              replicas: 3
              revisionHistoryLimit: 5
              progressDeadlineSeconds: 600
              minReadySeconds: 5
              strategy: {type: RollingUpdate, rollingUpdate: {maxSurge: 1, maxUnavailable: 0}}
              selector: {matchLabels: {app: web}}
              template:
                metadata: {labels: {app: web}, annotations: {prometheus.io/scrape: "true"}}
                spec:
                  serviceAccountName: web
                  automountServiceAccountToken: false
                  securityContext: {runAsNonRoot: true}
                  nodeSelector: {kubernetes.io/os: linux}
                  tolerations: [{key: a, operator: Exists}]
                  affinity: {}
                  topologySpreadConstraints: []
                  terminationGracePeriodSeconds: 30
                  dnsPolicy: ClusterFirst
                  restartPolicy: Always
                  priorityClassName: high
                  imagePullSecrets: [{name: reg}]
                  volumes: [{name: data, emptyDir: {}}]
                  initContainers:
                  - {name: init, image: busybox, command: [sh, -c, "true"]}
                  containers:
                  - name: web
                    image: nginx:1.27
                    imagePullPolicy: IfNotPresent
                    args: [--port=8080]
                    env: [{name: A, value: b}]
                    envFrom: [{configMapRef: {name: c}}]
                    ports: [{name: http, containerPort: 8080, protocol: TCP, hostPort: 0}]
                    resources: {requests: {cpu: 100m}, limits: {memory: 128Mi}}
                    livenessProbe: {httpGet: {path: /, port: http}}
                    readinessProbe: {tcpSocket: {port: 8080}}
                    startupProbe: {exec: {command: ["true"]}}
                    volumeMounts: [{name: data, mountPath: /data}]
                    securityContext: {readOnlyRootFilesystem: true}
                    lifecycle: {preStop: {exec: {command: ["sleep", "5"]}}}
                    terminationMessagePolicy: File
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: web, namespace: shop}
            spec:
              type: ClusterIP
              clusterIP: 10.96.0.10
              clusterIPs: [10.96.0.10]
              ipFamilies: [IPv4]
              ipFamilyPolicy: SingleStack
              internalTrafficPolicy: Cluster
              sessionAffinity: None
              selector: {app: web}
              ports: [{name: http, port: 80, targetPort: http, protocol: TCP, appProtocol: http}]
            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: web, namespace: shop}
            spec:
              podSelector: {matchLabels: {app: web}}
              policyTypes: [Ingress]
              ingress: [{from: [{podSelector: {}}], ports: [{port: http}]}]
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: web-1
              namespace: shop
              labels: {app: web}
              ownerReferences: [{apiVersion: apps/v1, kind: ReplicaSet, name: web-7d, uid: u1, controller: true, blockOwnerDeletion: true}]
            spec: {containers: [{name: web, image: nginx}], nodeName: node-1, schedulerName: default-scheduler}
            status:
              phase: Running
              hostIP: 192.168.1.5
              podIP: 10.0.0.7
              podIPs: [{ip: 10.0.0.7}]
              startTime: "2024-01-01T00:00:00Z"
              conditions: [{type: Ready, status: "True"}]
              qosClass: Burstable
            """);

        Assert.That(result.Diagnostics, Is.Empty, () => string.Join(Environment.NewLine, result.Diagnostics));
    }

    [TestCase("NetworkPolicy", "networking.k8s.io/v1", "metadata_name_test7")]
    [TestCase("Service", "v1", "1web")]
    [TestCase("Namespace", "v1", "a.b")]
    [TestCase("Deployment", "apps/v1", "Web")]
    [Description("k8s docs, object names: DNS-1123 subdomain for most kinds, DNS-1123 label for namespaces, DNS-1035 label for Services.")]
    public void Name_InvalidForItsKind_IsAnError(string kind, string apiVersion, string name)
    {
        var result = Load($"apiVersion: {apiVersion}\nkind: {kind}\nmetadata: {{name: {name}}}\nspec: {{podSelector: {{}}, template: {{}}}}\n" + StillLoaded);

        var diagnostics = result.Diagnostics.Where(d => d.Descriptor == LoadDiagnostics.InvalidName).ToList();
        Assert.That(diagnostics.Select(d => (d.Span.Line, d.Span.Column)), Is.EqualTo(new[] { (3, 18) }), () => string.Join("\n", result.Diagnostics));
    }

    [Test]
    public void Name_Of300Characters_IsTooLong()
    {
        var result = Load($"apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {{name: {new string('a', 300)}}}\nspec: {{podSelector: {{}}}}\n" + StillLoaded);

        var diagnostic = AssertSingleError(result, LoadDiagnostics.InvalidName, 3, 18);
        Assert.That(diagnostic.Message, Does.Contain("it has 300 characters, more than 253"));
    }

    [Test]
    public void Namespace_InvalidInMetadata_IsAnError()
    {
        var result = Load("apiVersion: v1\nkind: Service\nmetadata: {name: web, namespace: Prod}\n" + StillLoaded);

        AssertSingleError(result, LoadDiagnostics.InvalidName, 3, 34);
    }

    [Test]
    [Description("Go decodes a null map value to the empty string: matchLabels {env: null} is {env: \"\"}.")]
    public void MatchLabels_NullValue_IsTheEmptyStringWithANote()
    {
        var result = Load("apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: p}\nspec: {podSelector: {matchLabels: {env: null}}}\n");

        var diagnostic = SingleDiagnostic(result);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(diagnostic.Descriptor, Is.EqualTo(LoadDiagnostics.NullLabelValue));
            Assert.That(diagnostic.Severity, Is.EqualTo(Severity.Note));
            Assert.That(result.Cluster.Policies.Single().PodSelector.MatchLabels["env"], Is.Empty);
        }
    }

    [TestCase("spec: {policyTypes: [Ingress]}", "absent")]
    [TestCase("spec: {podSelector: null, policyTypes: [Ingress]}", "null")]
    [TestCase("spec: {podSelector: ~, policyTypes: [Ingress]}", "null")]
    [Description("k8s API: spec.podSelector is not a pointer; absent or null decodes to {}, selecting every pod of the namespace.")]
    public void PodSelector_AbsentOrNull_SelectsEveryPodWithANote(string spec, string how)
    {
        var result = Load($"apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {{name: p, namespace: shop}}\n{spec}\n");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Diagnostics.Select(d => (d.Descriptor, d.Severity)), Is.EqualTo(new[] { (LoadDiagnostics.PolicySelectsEveryPod, Severity.Note) }));
            Assert.That(result.Diagnostics[0].Message, Does.StartWith($"The podSelector is {how}, which selects every pod of namespace 'shop'"));
            var selector = result.Cluster.Policies.Single().PodSelector;
            Assert.That((selector.MatchLabels.Count, selector.MatchExpressions.Length), Is.EqualTo((0, 0)));
        }
    }

    [TestCase("010.1.1.1", "10.1.1.1")]
    [TestCase("10.0.0.7", "10.0.0.7")]
    public void PodIp_IsReadAsCidrsAre(string text, string expected)
    {
        var result = Load($"apiVersion: v1\nkind: Pod\nmetadata: {{name: p}}\nspec: {{containers: [{{name: c}}]}}\nstatus: {{podIP: \"{text}\"}}\n");

        Assert.That(result.Cluster.Workloads.Single().PodIps.Select(ip => ip.ToString()), Is.EqualTo(new[] { expected }));
    }

    [TestCase("0x0a.0.0.1")]
    [TestCase("10.1")]
    [TestCase("10.0.0.1/32")]
    public void PodIp_HexOrShorthand_IsAnError(string text)
    {
        var result = Load($"apiVersion: v1\nkind: Pod\nmetadata: {{name: p}}\nspec: {{containers: [{{name: c}}]}}\nstatus: {{podIPs: [{{ip: \"{text}\"}}]}}\n" + StillLoaded);

        AssertSingleError(result, LoadDiagnostics.WrongType, 5, 24);
    }

    [TestCase("0x0a.0.0.1")]
    [TestCase("10.1")]
    public void EndpointSliceAddress_HexOrShorthand_IsAnError(string text)
    {
        var result = Load($"apiVersion: discovery.k8s.io/v1\nkind: EndpointSlice\nmetadata: {{name: s}}\naddressType: IPv4\nendpoints: [{{addresses: [\"{text}\"]}}]\n" + StillLoaded);

        AssertSingleError(result, LoadDiagnostics.WrongType, 5, 26);
    }

    [TestCase("{apiVersion: apps/v1, kind: ReplicaSet, name: rs, controller: true}", "uid")]
    [TestCase("{apiVersion: apps/v1, name: rs, uid: u, controller: true}", "kind")]
    public void OwnerReference_Invalid_IsAnErrorAndThePodStandsAlone(string reference, string missing)
    {
        var result = Load($"apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  ownerReferences: [{reference}]\nspec: {{containers: [{{name: c}}]}}\n" + StillLoaded);

        var diagnostic = AssertSingleError(result, LoadDiagnostics.InvalidOwnerReference, 5, 21);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(diagnostic.Message, Does.StartWith($"The owner reference needs a non-empty '{missing}'"));
            Assert.That(result.Cluster.Workloads.Select(w => w.Id), Is.EqualTo(new[] { "default/p" }));
        }
    }

    [Test]
    public void Document_NotAManifest_IsNotEchoed()
    {
        var result = Load("AKIAIOSFODNN7EXAMPLE wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n" + StillLoaded);

        var diagnostic = AssertSingleError(result, LoadDiagnostics.NotAnObject, 1, 1);
        Assert.That(diagnostic.Message, Does.Not.Contain("AKIA").And.Not.Contain("EXAMPLE"));
    }

    [Test]
    public void Load_StdinOverTheBound_StopsThereWithAnError()
    {
        var options = new LoadOptions(MaxInputBytes: 1024);

        var result = ManifestLoader.Load(["-"], options, new EndlessReader());

        var diagnostic = SingleDiagnostic(result);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(diagnostic.Descriptor, Is.EqualTo(LoadDiagnostics.InputTooLarge));
            Assert.That(diagnostic.Message, Is.EqualTo("'<stdin>' holds more than the limit of 1024 bytes; it is skipped."));
        }
    }

    [Test]
    public void Load_DeviceGivenAsInput_StopsAtTheBound()
    {
        var stopwatch = Stopwatch.StartNew();

        var result = ManifestLoader.Load(["/dev/zero"], new LoadOptions(MaxInputBytes: 1 << 20));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(SingleDiagnostic(result).Descriptor, Is.EqualTo(LoadDiagnostics.InputTooLarge));
            Assert.That(stopwatch.Elapsed, Is.LessThan(Quick));
        }
    }

    [Test]
    public void Load_FolderWithLinkOutsideAndFifo_RefusesTheLinkAndSkipsTheFifo()
    {
        var folder = Directory.CreateTempSubdirectory("policycheck-hostile-");
        try
        {
            File.WriteAllText(Path.Combine(folder.FullName, "ns.yaml"), "apiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n");
            File.CreateSymbolicLink(Path.Combine(folder.FullName, "zero.yaml"), "/dev/zero");
            File.CreateSymbolicLink(Path.Combine(folder.FullName, "same.yaml"), Path.Combine(folder.FullName, "ns.yaml"));
            using (var mkfifo = Process.Start("mkfifo", Path.Combine(folder.FullName, "pipe.yaml")))
                mkfifo.WaitForExit();

            var result = ManifestLoader.Load([folder.FullName]);

            var prefix = folder.FullName.Replace('\\', '/') + "/";
            Assert.That(result.Diagnostics.Select(d => (d.Descriptor.Name, d.Message.Split(' ')[0])), Is.EquivalentTo(new[]
            {
                (nameof(LoadDiagnostics.LinkOutsideInput), $"'{prefix}zero.yaml'"),
                (nameof(LoadDiagnostics.NotARegularFile), $"'{prefix}pipe.yaml'"),
            }), () => string.Join("\n", result.Diagnostics));
            Assert.That(result.Statistics.Files, Is.EqualTo(1), "the link to ns.yaml is the same file");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Test]
    public void YamlSyntax_Tab_IsReportedAtTheTab()
    {
        var result = Load("apiVersion: v1\nkind: Namespace\nmetadata:\n\tname: x\n" + StillLoaded);

        AssertSingleError(result, LoadDiagnostics.YamlSyntax, 4, 1);
    }

    [Test]
    public void SkippedKind_DeeperThanTheLimit_IsANote()
    {
        var yaml = "apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\nspec: " + new string('[', 100) + new string(']', 100) + "\n" + StillLoaded;

        var result = Load(yaml);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Diagnostics.Select(d => (d.Descriptor, d.Severity)), Is.EqualTo(new[] { (LoadDiagnostics.SkippedKindNotRead, Severity.Note) }));
            Assert.That(result.HasErrors, Is.False);
            Assert.That(result.Cluster.Namespaces.Select(n => n.Name), Does.Contain("still-loaded"));
        }
    }

    [Test]
    public void SkippedKind_ConfigMapOverOneMiB_IsANote()
    {
        var yaml = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: big}\ndata:\n  blob: \"" + new string('x', 2 << 20) + "\"\n" + StillLoaded;

        var result = Load(yaml);

        Assert.That(result.Diagnostics.Select(d => (d.Descriptor, d.Span.Line)), Is.EqualTo(new[] { (LoadDiagnostics.SkippedKindNotRead, 5) }));
    }

    [Test]
    public void Load_FileAndALinkToItNamedAsInputs_IsReadOnce()
    {
        var folder = Directory.CreateTempSubdirectory("policycheck-link-");
        try
        {
            var file = Path.Combine(folder.FullName, "ns.yaml");
            File.WriteAllText(file, "apiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n");
            var link = Path.Combine(folder.FullName, "link.yaml");
            File.CreateSymbolicLink(link, file);

            var result = ManifestLoader.Load([file, link]);

            using (Assert.EnterMultipleScope())
            {
                Assert.That(result.Diagnostics, Is.Empty, () => string.Join("\n", result.Diagnostics));
                Assert.That(result.Statistics.Files, Is.EqualTo(1));
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private sealed class EndlessReader : TextReader
    {
        public override int Read(char[] buffer, int index, int count)
        {
            Array.Fill(buffer, 'a', index, count);
            return count;
        }
    }
}
