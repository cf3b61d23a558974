using System.Text.Json;

namespace PolicyCheck.Cli.Tests;

/// <summary>
/// What the default profile (baseline) reports on a small shop written by hand in the shape of the usual microservice
/// demos' release manifests: Deployments and Services in one namespace that no manifest declares, one of them behind a
/// LoadBalancer, and no NetworkPolicy at all. Every finding is worked out from the manifests: with no policy, every
/// workload is open both ways (k8s docs: "By default, a pod is non-isolated for ingress"; likewise egress), which the
/// baseline says once per namespace and direction (PC2010), anchored on the namespace's first workload in file order
/// since there is neither a Namespace object nor a policy; the per-workload PC2001/PC2002 are the audit profile's.
/// </summary>
[Parallelizable(ParallelScope.Fixtures)]
public sealed class BaselineProfileTests
{
    private const string Shop = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: storefront
        spec:
          selector:
            matchLabels: {app: storefront}
          template:
            metadata:
              labels: {app: storefront}
            spec:
              containers:
                - name: server
                  image: shop/storefront:1.0
                  ports:
                    - containerPort: 8080
        ---
        apiVersion: v1
        kind: Service
        metadata:
          name: storefront
        spec:
          type: ClusterIP
          selector: {app: storefront}
          ports:
            - {name: http, port: 80, targetPort: 8080}
        ---
        apiVersion: v1
        kind: Service
        metadata:
          name: storefront-external
        spec:
          type: LoadBalancer
          selector: {app: storefront}
          ports:
            - {name: http, port: 80, targetPort: 8080}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: basket
        spec:
          selector:
            matchLabels: {app: basket}
          template:
            metadata:
              labels: {app: basket}
            spec:
              containers:
                - name: server
                  image: shop/basket:1.0
                  ports:
                    - containerPort: 7070
        ---
        apiVersion: v1
        kind: Service
        metadata:
          name: basket
        spec:
          selector: {app: basket}
          ports:
            - {name: grpc, port: 7070, targetPort: 7070}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: basket-store
        spec:
          selector:
            matchLabels: {app: basket-store}
          template:
            metadata:
              labels: {app: basket-store}
            spec:
              containers:
                - name: redis
                  image: redis:alpine
                  ports:
                    - containerPort: 6379
        ---
        apiVersion: v1
        kind: Service
        metadata:
          name: basket-store
        spec:
          selector: {app: basket-store}
          ports:
            - {name: tcp-redis, port: 6379, targetPort: 6379}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: currency
        spec:
          selector:
            matchLabels: {app: currency}
          template:
            metadata:
              labels: {app: currency}
            spec:
              containers:
                - name: server
                  image: shop/currency:1.0
                  ports:
                    - {name: grpc, containerPort: 7000}
        ---
        apiVersion: v1
        kind: Service
        metadata:
          name: currency
        spec:
          selector: {app: currency}
          ports:
            - {name: grpc, port: 7000, targetPort: 7000}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: shopper
        spec:
          replicas: 1
          selector:
            matchLabels: {app: shopper}
          template:
            metadata:
              labels: {app: shopper}
            spec:
              containers:
                - name: main
                  image: shop/shopper:1.0
                  env:
                    - {name: STOREFRONT_ADDR, value: "storefront:80"}
        """;

    [Test]
    public async Task Baseline_ShopWithoutPolicies_ReportsOneNotePerNamespaceAndDirection()
    {
        var result = await CliRunner.RunWithInputAsync(Shop, "lint", "-", "--format", "json");

        var findings = Findings(result.Output);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.EqualTo((int)ExitCode.Ok), result.Error);
            Assert.That(findings.Select(f => f.Place), Is.EqualTo(new[] { "<stdin>:1 note PC2010", "<stdin>:1 note PC2010" }));
            Assert.That(findings.Select(f => f.Message), Is.All.StartsWith("Namespace 'default' has 5 workload(s) but no NetworkPolicy"));
            Assert.That(findings.Select(f => f.Message), Has.One.Contains("that isolates Ingress").And.One.Contains("that isolates Egress"));
        }
    }

    [Test]
    [Description("The audit profile keeps every rule at its default severity: each of the five workloads is reported per direction as well.")]
    public async Task Audit_ShopWithoutPolicies_AlsoReportsEveryWorkloadPerDirection()
    {
        var result = await CliRunner.RunWithInputAsync(Shop, "lint", "-", "--format", "json", "--profile", "audit", "--fail-on", "none");

        var ids = Findings(result.Output).Select(f => f.Place.Split(' ')[^1]).ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(ids.Count(id => id == "PC2001"), Is.EqualTo(5));
            Assert.That(ids.Count(id => id == "PC2002"), Is.EqualTo(5));
            Assert.That(ids.Count(id => id == "PC2010"), Is.EqualTo(2));
            Assert.That(ids, Has.Count.EqualTo(12));
        }
    }

    /// <summary>Each finding as <c>PATH:LINE SEVERITY ID</c> and its message.</summary>
    private static List<(string Place, string Message)> Findings(string json)
    {
        using var document = JsonDocument.Parse(json);
        return [.. document.RootElement.GetProperty("findings").EnumerateArray().Select(f =>
        {
            var location = f.GetProperty("location");
            return ($"{location.GetProperty("path").GetString()}:{location.GetProperty("line").GetInt32()} {f.GetProperty("severity").GetString()} {f.GetProperty("ruleId").GetString()}",
                f.GetProperty("message").GetString()!);
        })];
    }
}
