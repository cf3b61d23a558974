using PolicyCheck.Core.Diagnostics;

namespace PolicyCheck.Manifests.Tests;

/// <summary>
/// Every object-level error: the exact ID at the exact line and column, the object left out, the rest loaded. Most
/// cases put a <c>spec</c> snippet under four header lines (see <see cref="SpecCase"/>), so a position in the file
/// is the snippet's line + 4 and column + 2.
/// </summary>
public sealed partial class ManifestLoaderTests
{
    private const string Policy = "networking.k8s.io/v1 NetworkPolicy";
    private const string Pod = "v1 Pod";
    private const string Deployment = "apps/v1 Deployment";
    private const string Service = "v1 Service";

    private static IEnumerable<TestCaseData> SpecErrors()
    {
        // Protocols are exact and case-sensitive.
        yield return SpecCase("PolicyPortLowerCaseProtocol", Policy, "ingress:\n- ports:\n  - {protocol: tcp, port: 80}", LoadDiagnostics.InvalidProtocol, 3, 16);
        yield return SpecCase("PolicyPortIcmp", Policy, "ingress:\n- ports:\n  - {protocol: ICMP, port: 80}", LoadDiagnostics.InvalidProtocol, 3, 16);

        // Selector requirements.
        yield return SpecCase("OperatorContains", Policy, "podSelector:\n  matchExpressions:\n  - {key: app, operator: Contains, values: [a]}", LoadDiagnostics.InvalidOperator, 3, 26);
        yield return SpecCase("OperatorLowerCase", Policy, "podSelector:\n  matchExpressions:\n  - {key: app, operator: in, values: [a]}", LoadDiagnostics.InvalidOperator, 3, 26);
        yield return SpecCase("InWithoutValues", Policy, "podSelector:\n  matchExpressions:\n  - {key: app, operator: In}", LoadDiagnostics.OperatorNeedsValues, 3, 5);
        yield return SpecCase("NotInWithEmptyValues", Policy, "podSelector:\n  matchExpressions:\n  - {key: app, operator: NotIn, values: []}", LoadDiagnostics.OperatorNeedsValues, 3, 41);
        yield return SpecCase("ExistsWithValues", Policy, "podSelector:\n  matchExpressions:\n  - {key: app, operator: Exists, values: [a]}", LoadDiagnostics.OperatorForbidsValues, 3, 42);
        yield return SpecCase("DoesNotExistWithValues", Policy, "podSelector:\n  matchExpressions:\n  - {key: app, operator: DoesNotExist, values: [a]}", LoadDiagnostics.OperatorForbidsValues, 3, 48);
        yield return SpecCase("RequirementWithoutOperator", Policy, "podSelector:\n  matchExpressions:\n  - {key: app}", LoadDiagnostics.MissingField, 3, 5);

        // Label syntax, wherever labels are written.
        yield return SpecCase("MatchLabelsKeyStartsWithDash", Policy, "podSelector:\n  matchLabels: {-app: x}", LoadDiagnostics.InvalidLabelKey, 2, 17);
        yield return SpecCase("MatchLabelsValueStartsWithDash", Policy, "podSelector:\n  matchLabels: {app: -x}", LoadDiagnostics.InvalidLabelValue, 2, 22);
        yield return SpecCase("RequirementKeyWithSpace", Policy, "podSelector:\n  matchExpressions:\n  - {key: \"a b\", operator: Exists}", LoadDiagnostics.InvalidLabelKey, 3, 11);
        yield return SpecCase("RequirementValueWithAt", Policy, "podSelector:\n  matchExpressions:\n  - {key: app, operator: In, values: [ok, \"b@d\"]}", LoadDiagnostics.InvalidLabelValue, 3, 43);
        yield return SpecCase("ServiceSelectorValue", Service, "selector: {app: \"a b\"}", LoadDiagnostics.InvalidLabelValue, 1, 17);
        yield return SpecCase("TemplateLabelValue64Chars", Deployment, $"template:\n  metadata:\n    labels: {{app: {new string('a', 64)}}}", LoadDiagnostics.InvalidLabelValue, 3, 19);

        // ipBlock.
        yield return SpecCase("CidrPrefixTooLong", Policy, "ingress:\n- from:\n  - ipBlock: {cidr: 10.0.0.0/33}", LoadDiagnostics.InvalidCidr, 3, 21);
        yield return SpecCase("CidrWithoutPrefix", Policy, "ingress:\n- from:\n  - ipBlock: {cidr: 10.0.0.0}", LoadDiagnostics.InvalidCidr, 3, 21);
        yield return SpecCase("CidrShortIpv4", Policy, "ingress:\n- from:\n  - ipBlock: {cidr: 10.1/16}", LoadDiagnostics.InvalidCidr, 3, 21);
        yield return SpecCase("ExceptInvalid", Policy, "ingress:\n- from:\n  - ipBlock:\n      cidr: 10.0.0.0/8\n      except: [nonsense]", LoadDiagnostics.InvalidCidr, 5, 16);
        yield return SpecCase("ExceptOutside", Policy, "ingress:\n- from:\n  - ipBlock:\n      cidr: 10.0.0.0/8\n      except: [192.168.0.0/16]", LoadDiagnostics.ExceptOutsideCidr, 5, 16);
        yield return SpecCase("ExceptEqual", Policy, "ingress:\n- from:\n  - ipBlock:\n      cidr: 10.0.0.0/8\n      except: [10.0.0.0/8]", LoadDiagnostics.ExceptOutsideCidr, 5, 16);
        yield return SpecCase("ExceptLarger", Policy, "ingress:\n- from:\n  - ipBlock:\n      cidr: 10.0.0.0/8\n      except: [10.0.0.0/7]", LoadDiagnostics.ExceptOutsideCidr, 5, 16);
        yield return SpecCase("ExceptOtherFamily", Policy, "ingress:\n- from:\n  - ipBlock:\n      cidr: 10.0.0.0/8\n      except: [\"fd00::/64\"]", LoadDiagnostics.ExceptOutsideCidr, 5, 16);
        yield return SpecCase("IpBlockWithoutCidr", Policy, "ingress:\n- from:\n  - ipBlock: {except: []}", LoadDiagnostics.MissingField, 3, 14);
        yield return SpecCase("IpBlockWithPodSelector", Policy, "ingress:\n- from:\n  - ipBlock: {cidr: 10.0.0.0/8}\n    podSelector: {}", LoadDiagnostics.IpBlockWithSelector, 3, 5);
        yield return SpecCase("IpBlockWithNamespaceSelector", Policy, "egress:\n- to:\n  - namespaceSelector: {}\n    ipBlock: {cidr: 10.0.0.0/8}", LoadDiagnostics.IpBlockWithSelector, 3, 5);
        yield return SpecCase("EmptyPeer", Policy, "ingress:\n- from:\n  - podSelector: {}\n  - {}", LoadDiagnostics.EmptyPeer, 4, 5);

        // Ports.
        yield return SpecCase("EndPortWithNamedPort", Policy, "ingress:\n- ports:\n  - {port: http, endPort: 90}", LoadDiagnostics.EndPortWithNamedPort, 3, 27);
        yield return SpecCase("EndPortWithoutPort", Policy, "ingress:\n- ports:\n  - {endPort: 90}", LoadDiagnostics.EndPortWithoutPort, 3, 15);
        yield return SpecCase("EndPortBelowPort", Policy, "ingress:\n- ports:\n  - {port: 90, endPort: 80}", LoadDiagnostics.EndPortBelowPort, 3, 25);
        yield return SpecCase("PolicyPortZero", Policy, "ingress:\n- ports:\n  - {port: 0}", LoadDiagnostics.PortOutOfRange, 3, 12);
        yield return SpecCase("PolicyPortTooHigh", Policy, "ingress:\n- ports:\n  - {port: 65536}", LoadDiagnostics.PortOutOfRange, 3, 12);
        yield return SpecCase("PolicyPortNegative", Policy, "ingress:\n- ports:\n  - {port: -1}", LoadDiagnostics.PortOutOfRange, 3, 12);
        yield return SpecCase("EndPortTooHigh", Policy, "ingress:\n- ports:\n  - {port: 80, endPort: 70000}", LoadDiagnostics.PortOutOfRange, 3, 25);

        // Named ports (IANA_SVC_NAME), and a Service port's own name (DNS label).
        yield return SpecCase("NamedPortUpperCase", Policy, "ingress:\n- ports:\n  - {port: HTTP}", LoadDiagnostics.InvalidPortName, 3, 12);
        yield return SpecCase("NamedPortDoubleDash", Policy, "ingress:\n- ports:\n  - {port: http--web}", LoadDiagnostics.InvalidPortName, 3, 12);
        yield return SpecCase("NamedPortLeadingDash", Policy, "ingress:\n- ports:\n  - {port: -http}", LoadDiagnostics.InvalidPortName, 3, 12);
        yield return SpecCase("NamedPortTrailingDash", Policy, "ingress:\n- ports:\n  - {port: web-}", LoadDiagnostics.InvalidPortName, 3, 12);
        yield return SpecCase("NamedPortQuotedNumber", Policy, "ingress:\n- ports:\n  - {port: \"8080\"}", LoadDiagnostics.InvalidPortName, 3, 12);
        yield return SpecCase("NamedPort16Chars", Policy, "ingress:\n- ports:\n  - {port: abcdefghijklmnop}", LoadDiagnostics.InvalidPortName, 3, 12);

        // policyTypes.
        yield return SpecCase("PolicyTypeLowerCase", Policy, "policyTypes: [ingress]", LoadDiagnostics.InvalidPolicyType, 1, 15);
        yield return SpecCase("PolicyTypeBoth", Policy, "policyTypes: [Both]", LoadDiagnostics.InvalidPolicyType, 1, 15);
        yield return SpecCase("PolicyTypeTwice", Policy, "policyTypes: [Ingress, Ingress]", LoadDiagnostics.RepeatedPolicyType, 1, 24);
        yield return SpecCase("PolicyTypesThree", Policy, "policyTypes: [Ingress, Egress, Ingress]", LoadDiagnostics.RepeatedPolicyType, 1, 32);

        // Unknown fields in a NetworkPolicy: kubectl's strict validation refuses them.
        yield return SpecCase("UnknownSpecField", Policy, "podselector: {}", LoadDiagnostics.UnknownField, 1, 1);
        yield return SpecCase("ToInIngressRule", Policy, "ingress:\n- to: []", LoadDiagnostics.UnknownField, 2, 3);
        yield return SpecCase("MisspeltPeerField", Policy, "ingress:\n- from:\n  - namespaceSelecter: {}", LoadDiagnostics.UnknownField, 3, 5);
        yield return SpecCase("MisspeltSelectorField", Policy, "podSelector: {matchlabels: {a: b}}", LoadDiagnostics.UnknownField, 1, 15);

        // Wrong types.
        yield return SpecCase("PortIsAList", Policy, "ingress:\n- ports:\n  - port: [1]", LoadDiagnostics.WrongType, 3, 11);
        yield return SpecCase("MatchLabelsIsAList", Policy, "podSelector:\n  matchLabels: [a]", LoadDiagnostics.WrongType, 2, 16);
        yield return SpecCase("IngressIsAMapping", Policy, "ingress: {}", LoadDiagnostics.WrongType, 1, 10);
        yield return SpecCase("ReplicasIsAWord", Deployment, "replicas: \"x\"\ntemplate: {}", LoadDiagnostics.WrongType, 1, 11);
        yield return SpecCase("ReplicasIsAQuotedNumber", Deployment, "replicas: \"3\"\ntemplate: {}", LoadDiagnostics.WrongType, 1, 11);
        yield return SpecCase("LabelValueIsAMapping", Deployment, "template:\n  metadata:\n    labels: {app: {x: y}}", LoadDiagnostics.WrongType, 3, 19);
        yield return SpecCase("HostNetworkIsAString", Pod, "hostNetwork: \"true\"", LoadDiagnostics.WrongType, 1, 14);
        yield return SpecCase("UnquotedBooleanLabel", Deployment, "template:\n  metadata:\n    labels: {enabled: yes}", LoadDiagnostics.NonStringScalar, 3, 23);
        yield return SpecCase("UnquotedNumberLabel", Deployment, "template:\n  metadata:\n    labels: {version: 1.10}", LoadDiagnostics.NonStringScalar, 3, 23);

        // Other API validation.
        yield return SpecCase("ServiceTypeLowerCase", Service, "type: clusterip", LoadDiagnostics.InvalidServiceType, 1, 7);
        yield return SpecCase("NegativeReplicas", Deployment, "replicas: -1\ntemplate: {}", LoadDiagnostics.NegativeReplicas, 1, 11);
        yield return SpecCase("TemplateMissing", Deployment, "replicas: 1", LoadDiagnostics.MissingField, 1, 1);
    }

    /// <summary>
    /// Errors in one container port or Service port entry (issue #14: reject the smallest invalid part). They were
    /// cases of <see cref="SpecErrors"/>, which left the whole object out; now only the entry is left out.
    /// </summary>
    private static IEnumerable<TestCaseData> PortEntryErrors()
    {
        yield return SpecCase("ContainerPortProtocol", Pod, "containers:\n- name: c\n  ports:\n  - {containerPort: 53, protocol: udp}", LoadDiagnostics.InvalidProtocol, 4, 35);
        yield return SpecCase("ServicePortProtocol", Service, "ports: [{port: 80, protocol: Tcp}]", LoadDiagnostics.InvalidProtocol, 1, 30);
        yield return SpecCase("ContainerPortZero", Pod, "containers:\n- name: c\n  ports:\n  - {containerPort: 0}", LoadDiagnostics.PortOutOfRange, 4, 21);
        yield return SpecCase("ServicePortZero", Service, "ports: [{port: 0}]", LoadDiagnostics.PortOutOfRange, 1, 16);
        yield return SpecCase("TargetPortTooHigh", Service, "ports: [{port: 80, targetPort: 70000}]", LoadDiagnostics.PortOutOfRange, 1, 32);
        yield return SpecCase("NodePortTooHigh", Service, "ports: [{port: 80, nodePort: 70000}]", LoadDiagnostics.PortOutOfRange, 1, 30);
        yield return SpecCase("ContainerPortName", Pod, "containers:\n- name: c\n  ports:\n  - {containerPort: 80, name: Http}", LoadDiagnostics.InvalidPortName, 4, 31);
        yield return SpecCase("TargetPortName", Service, "ports: [{port: 80, targetPort: Http}]", LoadDiagnostics.InvalidPortName, 1, 32);
        yield return SpecCase("ServicePortName", Service, "ports: [{name: web_1, port: 80}]", LoadDiagnostics.InvalidPortName, 1, 16);
        yield return SpecCase("ContainerPortIsAName", Pod, "containers:\n- name: c\n  ports:\n  - {containerPort: http}", LoadDiagnostics.WrongType, 4, 21);
        yield return SpecCase("ServicePortMissing", Service, "ports: [{targetPort: 80}]", LoadDiagnostics.MissingField, 1, 9);
        yield return SpecCase("ContainerPortMissing", Pod, "containers:\n- name: c\n  ports:\n  - {name: http}", LoadDiagnostics.MissingField, 4, 5);
    }

    [TestCaseSource(nameof(PortEntryErrors))]
    public void Spec_InvalidPortEntry_LeavesOutOnlyThatEntry(string yaml, DiagnosticDescriptor expected, int line, int column, string kind)
    {
        var result = Load(yaml);

        var diagnostic = AssertSingleError(result, expected, line, column);
        var part = kind == "Pod" ? "container port" : "Service port";
        using (Assert.EnterMultipleScope())
        {
            Assert.That(diagnostic.Message, Does.EndWith($"; this {part} of the {kind} 'default/bad' is left out."));
            if (kind == "Pod")
                Assert.That(result.Cluster.Workloads.Single().Ports, Is.Empty);
            else
                Assert.That(result.Cluster.Services.Single().Ports, Is.Empty);
        }
    }

    /// <summary>
    /// A case whose manifest is four header lines (apiVersion, kind, metadata, <c>spec:</c>) and then
    /// <paramref name="spec"/> indented by two spaces; the position is given within the snippet.
    /// </summary>
    private static TestCaseData SpecCase(string name, string apiVersionAndKind, string spec, DiagnosticDescriptor expected, int specLine, int specColumn)
    {
        var (apiVersion, kind) = (apiVersionAndKind.Split(' ')[0], apiVersionAndKind.Split(' ')[1]);
        var yaml = $"apiVersion: {apiVersion}\nkind: {kind}\nmetadata: {{name: bad}}\nspec:\n" +
                   string.Join('\n', spec.Split('\n').Select(line => "  " + line)) + "\n" + StillLoaded;
        return new TestCaseData(yaml, expected, specLine + 4, specColumn + 2, kind).SetName($"Spec_{name}_IsRejectedAtItsNode");
    }

    [TestCaseSource(nameof(SpecErrors))]
    public void Spec_InvalidValue_IsRejectedAtItsNode(string yaml, DiagnosticDescriptor expected, int line, int column, string kind)
    {
        var result = Load(yaml);

        var diagnostic = AssertSingleError(result, expected, line, column);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(diagnostic.Message, Does.EndWith($"; the {kind} 'default/bad' is left out."));
            Assert.That(result.Cluster.Policies, Is.Empty);
            Assert.That(result.Cluster.Workloads, Is.Empty);
            Assert.That(result.Cluster.Services, Is.Empty);
        }
    }

    [Test]
    public void Operator_Invalid_RendersCompilerStyle()
    {
        var result = Load("""
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: web, namespace: shop}
            spec:
              podSelector:
                matchExpressions:
                - key: app
                  operator: Contains
                  values: [web]
            """ + "\n" + StillLoaded);

        var diagnostic = AssertSingleError(result, LoadDiagnostics.InvalidOperator, 8, 17);
        Assert.That(diagnostic.ToString(), Is.EqualTo(
            "test.yaml:8:17: error PC0024: Operator 'Contains' is not valid; use In, NotIn, Exists or DoesNotExist; " +
            "the NetworkPolicy 'shop/web' is left out."));
    }

    [Test]
    public void Errors_SeveralInOneObject_AreAllReported()
    {
        var result = Load("""
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: p}
            spec:
              policyTypes: [Sideways]
              ingress:
              - ports: [{protocol: tcp}, {port: 0}]
            """);

        Assert.That(Significant(result).Select(d => (d.Id, d.Span.Line, d.Span.Column)), Is.EqualTo(new[]
        {
            (LoadDiagnostics.InvalidPolicyType.Id, 5, 17),
            (LoadDiagnostics.InvalidProtocol.Id, 7, 24),
            (LoadDiagnostics.PortOutOfRange.Id, 7, 37),
        }));
    }

    [Test]
    [Description("kubectl: a plain 'true' becomes a JSON boolean, which the API server refuses for a label value.")]
    public void Label_UnquotedBoolean_SaysToQuoteIt()
    {
        var result = Load("""
            apiVersion: v1
            kind: Namespace
            metadata:
              name: prod
              labels:
                istio-injection: true
            """ + "\n" + StillLoaded);

        var diagnostic = AssertSingleError(result, LoadDiagnostics.NonStringScalar, 6, 22);
        Assert.That(diagnostic.Message, Is.EqualTo(
            "'istio-injection' must be a string, but YAML reads the unquoted 'true' as a boolean; quote it; the Namespace 'prod' is left out."));
    }

    [TestCase("Bad Key", "the name part must start and end with a letter or digit")]
    [TestCase("app-", "the name part must start and end with a letter or digit")]
    [TestCase("Example.com/app", "the prefix must be a DNS subdomain")]
    [TestCase("a/b/c", "a key holds at most one '/'")]
    [TestCase("/app", "the prefix before '/' is empty")]
    [TestCase("example.com/", "the name part is empty")]
    public void Label_InvalidKey_IsRejectedWithTheReason(string key, string reason)
    {
        var result = Load($$"""
            apiVersion: v1
            kind: Namespace
            metadata:
              name: prod
              labels: {"{{key}}": x}
            """ + "\n" + StillLoaded);

        var diagnostic = AssertSingleError(result, LoadDiagnostics.InvalidLabelKey, 5, 12);
        Assert.That(diagnostic.Message, Does.StartWith($"Label key '{key}' is not valid: {reason}"));
    }

    [Test]
    public void Label_NameOf64Characters_IsTooLong()
    {
        var key = "example.com/" + new string('k', 64);

        var result = Load($$$"""
            apiVersion: v1
            kind: Namespace
            metadata: {name: prod, labels: {{{{key}}}: x}}
            """ + "\n" + StillLoaded);

        var diagnostic = AssertSingleError(result, LoadDiagnostics.InvalidLabelKey, 3, 33);
        Assert.That(diagnostic.Message, Does.Contain("the name part has 64 characters, more than 63"));
    }
}
