namespace PolicyCheck.Manifests.Tests;

/// <summary>discovery.k8s.io/v1 EndpointSlices are read and checked as the API server would.</summary>
[Parallelizable(ParallelScope.Fixtures)]
public sealed class EndpointSliceTests
{
    private const string Slice = """
        apiVersion: discovery.k8s.io/v1
        kind: EndpointSlice
        metadata:
          name: web-abc12
          namespace: shop
          labels: {kubernetes.io/service-name: web}
        addressType: {0}
        endpoints:
        - addresses: [{1}]
          conditions: {ready: true}
        ports:
        - {name: http, port: 8080, protocol: TCP}
        """;

    private static LoadResult Load(string addressType, string address) =>
        ManifestLoader.LoadText(Slice.Replace("{0}", addressType, StringComparison.Ordinal).Replace("{1}", address, StringComparison.Ordinal), "slice.yaml");

    [TestCase("IPv4", "10.244.1.5")]
    [TestCase("IPv6", "fd00:10:244::5")]
    [TestCase("FQDN", "db.example.com")]
    public void EndpointSlice_Valid_LoadsAndIsNotSkipped(string addressType, string address)
    {
        var loaded = Load(addressType, address);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(loaded.Diagnostics, Is.Empty, () => string.Join("\n", loaded.Diagnostics));
            Assert.That(loaded.Statistics.Objects, Is.EqualTo(1));
            Assert.That(loaded.Statistics.SkippedKinds, Is.Empty);
        }
    }

    [Test]
    [Description("k8s API: addressType is one of IPv4, IPv6, FQDN.")]
    public void EndpointSlice_UnknownAddressType_IsRejectedAtTheValue()
    {
        var diagnostic = Load("IP", "10.244.1.5").Diagnostics.Single();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(diagnostic.Id, Is.EqualTo(LoadDiagnostics.WrongType.Id));
            Assert.That(diagnostic.Span.ToString(), Is.EqualTo("slice.yaml:7:14"));
            Assert.That(diagnostic.Message, Does.Contain("'addressType'").And.Contain("EndpointSlice 'shop/web-abc12'"));
        }
    }

    [Test]
    [Description("k8s API: the addresses of an IPv4 slice are IPv4 addresses.")]
    public void EndpointSlice_IPv6AddressInIPv4Slice_IsRejected()
    {
        var diagnostic = Load("IPv4", "fd00::5").Diagnostics.Single();

        Assert.That(diagnostic.Span.ToString(), Is.EqualTo("slice.yaml:9:15"));
    }

    [Test]
    public void EndpointSlice_RetiredBetaVersion_IsReportedAsUnserved()
    {
        var loaded = ManifestLoader.LoadText(Slice.Replace("discovery.k8s.io/v1", "discovery.k8s.io/v1beta1", StringComparison.Ordinal)
            .Replace("{0}", "IPv4", StringComparison.Ordinal).Replace("{1}", "10.0.0.1", StringComparison.Ordinal), "slice.yaml");

        Assert.That(loaded.Diagnostics.Single().Id, Is.EqualTo(LoadDiagnostics.UnservedApiVersion.Id));
    }
}
