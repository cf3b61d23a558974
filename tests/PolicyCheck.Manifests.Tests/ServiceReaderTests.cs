using PolicyCheck.Core.Model;

namespace PolicyCheck.Manifests.Tests;

/// <summary>The spans ServiceReader keeps for the fields lint rules point at: selector, clusterIP, type, ports, targetPort, nodePort.</summary>
[Parallelizable(ParallelScope.Fixtures)]
public sealed class ServiceReaderTests
{
    [Test]
    public void FieldSpans_RunFromTheKeyToTheEndOfTheValue()
    {
        var service = LoadOne("""
            apiVersion: v1
            kind: Service
            metadata: {name: web, namespace: shop}
            spec:
              type: NodePort
              clusterIP: 10.96.0.10
              selector:
                app: web
                tier: front
              ports:
              - name: http
                port: 80
                targetPort: http
                nodePort: 30080
            """);
        var port = service.Ports.Single();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Where(service.TypeSpan), Is.EqualTo((5, 3, 5, 17)));
            Assert.That(Where(service.ClusterIpSpan), Is.EqualTo((6, 3, 6, 24)));
            Assert.That(Where(service.SelectorSpan), Is.EqualTo((7, 3, 9, 16)));
            Assert.That(service.PortsSpan?.Line, Is.EqualTo(10));
            Assert.That(Where(port.PortSpan), Is.EqualTo((12, 5, 12, 13)));
            Assert.That(Where(port.TargetPortSpan), Is.EqualTo((13, 5, 13, 21)));
            Assert.That(Where(port.NodePortSpan), Is.EqualTo((14, 5, 14, 20)));
        }
    }

    [Test]
    public void FieldSpans_FlowStyle_PointIntoTheLine()
    {
        var service = LoadOne("""
            apiVersion: v1
            kind: Service
            metadata: {name: web, namespace: shop}
            spec:
              selector: {app: web}
              ports: [{port: 80, targetPort: 8080, nodePort: 30080}]
            """);
        var port = service.Ports.Single();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Where(service.SelectorSpan), Is.EqualTo((5, 3, 5, 23)));
            Assert.That(Where(port.TargetPortSpan), Is.EqualTo((6, 22, 6, 38)));
            Assert.That(Where(port.NodePortSpan), Is.EqualTo((6, 40, 6, 55)));
        }
    }

    [Test]
    public void ExternalNameSpan_PointsAtTheField()
    {
        var service = LoadOne("""
            apiVersion: v1
            kind: Service
            metadata: {name: payments, namespace: shop}
            spec:
              type: ExternalName
              externalName: payments.example.com
            """);

        Assert.That(Where(service.ExternalNameSpan), Is.EqualTo((6, 3, 6, 37)));
    }

    [Test]
    [Description("k8s API: targetPort 0 and nodePort 0 are unset (defaulted), so they have no span to point at.")]
    public void FieldSpans_AbsentOrUnsetFields_AreNull()
    {
        var service = LoadOne("""
            apiVersion: v1
            kind: Service
            metadata: {name: db, namespace: shop}
            spec:
              ports: [{port: 5432, targetPort: 0, nodePort: 0}]
            """);
        var port = service.Ports.Single();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(service.SelectorSpan, Is.Null);
            Assert.That(service.ClusterIpSpan, Is.Null);
            Assert.That(service.TypeSpan, Is.Null);
            Assert.That(service.ExternalNameSpan, Is.Null);
            Assert.That(port.TargetPort, Is.Null);
            Assert.That(port.TargetPortSpan, Is.Null);
            Assert.That(port.NodePortSpan, Is.Null);
            Assert.That(port.PortSpan?.Line, Is.EqualTo(5));
        }
    }

    private static Service LoadOne(string yaml)
    {
        var result = ManifestLoader.LoadText(yaml, "svc.yaml");
        Assert.That(result.Diagnostics, Is.Empty);
        return result.Cluster.Services.Single();
    }

    private static (int Line, int Column, int EndLine, int EndColumn)? Where(SourceSpan? span) =>
        span is { } s ? (s.Line, s.Column, s.EndLine, s.EndColumn) : null;
}
