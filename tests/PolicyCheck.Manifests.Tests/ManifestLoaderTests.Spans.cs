using PolicyCheck.Core.Model;

namespace PolicyCheck.Manifests.Tests;

public sealed partial class ManifestLoaderTests
{
    [Test]
    public void NetworkPolicy_Spans_PointAtEachNode()
    {
        var policy = SinglePolicy(Load("""
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: api
            spec:
              podSelector:
                matchExpressions:
                - key: app
                  operator: In
                  values: [api]
              ingress:
              - from:
                - podSelector: {matchLabels: {app: web}}
                - ipBlock:
                    cidr: 10.0.0.0/8
                ports:
                - port: 80
                  protocol: TCP
              - {}
            """));

        var rule = policy.Ingress!.Value[0];
        var peers = rule.Peers!.Value;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Where(policy.Span), Is.EqualTo((1, 1, 19, 7)));
            Assert.That(Where(policy.PodSelector.Span), Is.EqualTo((7, 5, 10, 20)));
            Assert.That(Where(policy.PodSelector.MatchExpressions[0].Span), Is.EqualTo((8, 7, 10, 20)));
            Assert.That(Where(rule.Span), Is.EqualTo((12, 5, 18, 20)));
            Assert.That(Where(peers[0].Span), Is.EqualTo((13, 7, 13, 45)));
            Assert.That(Where(peers[0].PodSelector!.Span), Is.EqualTo((13, 20, 13, 45)));
            Assert.That(Where(peers[1].Span), Is.EqualTo((14, 7, 15, 25)));
            Assert.That(Where(peers[1].IpBlock!.Span), Is.EqualTo((15, 9, 15, 25)));
            Assert.That(Where(rule.Ports!.Value[0].Span), Is.EqualTo((17, 7, 18, 20)));
            Assert.That(Where(policy.Ingress.Value[1].Span), Is.EqualTo((19, 5, 19, 7)));
            Assert.That(policy.Span.ToString(), Is.EqualTo("test.yaml:1:1"));
        }
    }

    [Test]
    public void NetworkPolicy_PodSelectorAbsent_IsEverythingAtTheSpec()
    {
        var policy = SinglePolicy(Load("""
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: deny-all}
            spec:
              policyTypes: [Ingress]
            """));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(policy.PodSelector.IsEmpty, Is.True);
            Assert.That(Where(policy.PodSelector.Span), Is.EqualTo((5, 3, 5, 25)));
        }
    }

    [Test]
    public void WorkloadAndServicePorts_Spans_PointAtThePortMappings()
    {
        var result = Load("""
            apiVersion: apps/v1
            kind: StatefulSet
            metadata: {name: db}
            spec:
              template:
                spec:
                  containers:
                  - name: db
                    ports:
                    - containerPort: 5432
                      name: pg
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: db}
            spec:
              ports:
              - {port: 5432, targetPort: pg}
            """);

        using (Assert.EnterMultipleScope())
        {
            var db = SingleWorkload(result);
            Assert.That(Where(db.Span), Is.EqualTo((1, 1, 11, 19)));
            Assert.That(Where(db.Ports.Single().Span), Is.EqualTo((10, 11, 11, 19)));
            var service = result.Cluster.Services.Single();
            Assert.That(Where(service.Span), Is.EqualTo((13, 1, 18, 33)));
            Assert.That(Where(service.Ports.Single().Span), Is.EqualTo((18, 5, 18, 33)));
        }
    }

    [Test]
    public void Spans_AfterASyntaxError_KeepTheirLinesInTheFile()
    {
        var result = Load("""
            apiVersion: v1
            kind: Namespace
            metadata: {name: [unclosed
            ---
            apiVersion: v1
            kind: Namespace
            metadata:
              name: after
            """);

        Assert.That(result.Cluster.Namespaces.Single().Span, Is.EqualTo(new SourceSpan(FileName, 5, 1, 8, 14)));
    }
}
