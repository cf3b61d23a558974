using System.Text.Json;

namespace PolicyCheck.Cli.Tests;

/// <summary>
/// <c>services</c> and <c>lint</c> (PC3008) name the same clients of a Service, on hand-written inputs whose answers
/// follow from the Kubernetes docs: a pod may always connect to itself, which makes no client of its own Service;
/// replicas of one workload are governed by the policies like any other pods.
/// </summary>
[Parallelizable(ParallelScope.Fixtures)]
public sealed class ServiceClientsTests
{
    private const string Policies = """
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: default-deny, namespace: shop}
        spec:
          podSelector: {}
          policyTypes: [Ingress]
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: api-from-itself, namespace: shop}
        spec:
          podSelector: {matchLabels: {app: api}}
          ingress:
            - from:
                - podSelector: {matchLabels: {app: api}}
              ports:
                - port: 8080
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: shop}
        spec:
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              containers:
                - {name: web, image: web}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: api, namespace: shop}
        spec:
          selector: {app: api}
          ports:
            - {name: http, port: 80, targetPort: 8080}
        ---
        """;

    private static string Api(int replicas) => Policies + "\n" + $$$"""
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: api, namespace: shop}
        spec:
          replicas: {{{replicas}}}
          selector: {matchLabels: {app: api}}
          template:
            metadata: {labels: {app: api}}
            spec:
              containers:
                - {name: api, image: api, ports: [{containerPort: 8080}]}
        """;

    [Test]
    [Description("k8s docs (Network Policies): connections from a pod to itself are always allowed; with one pod, api admits only itself, so nobody is a client of its Service.")]
    public async Task SinglePodBackendAdmittingOnlyItself_ServicesCountsNoClient_AndPc3008Fires()
    {
        var services = await CliRunner.RunWithInputAsync(Api(replicas: 1), "services", "-");
        var lint = await CliRunner.RunWithInputAsync(Api(replicas: 1), "lint", "-", "--format", "json", "--fail-on", "none");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(services.ExitCode, Is.Zero, services.Error);
            Assert.That(services.Output, Does.Contain("  reached   http 80/TCP: 0 of 2 workloads; outside: no way in\n"));
            Assert.That(Pc3008(lint.Output), Is.EqualTo(new[] { "api" }));
        }
    }

    [Test]
    [Description("k8s docs (Network Policies): api's three replicas are pods labelled app=api, which its rule admits on 8080: each may reach another through the Service.")]
    public async Task ReplicasAdmittingEachOther_ServicesCountsTheBackend_AndPc3008IsQuiet()
    {
        var services = await CliRunner.RunWithInputAsync(Api(replicas: 3), "services", "-");
        var lint = await CliRunner.RunWithInputAsync(Api(replicas: 3), "lint", "-", "--format", "json", "--fail-on", "none");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(services.ExitCode, Is.Zero, services.Error);
            Assert.That(services.Output, Does.Contain("  reached   http 80/TCP: 1 of 2 workloads (shop/api); outside: no way in\n"));
            Assert.That(Pc3008(lint.Output), Is.Empty);
        }
    }

    private static List<string> Pc3008(string json)
    {
        using var document = JsonDocument.Parse(json);
        return [.. document.RootElement.GetProperty("findings").EnumerateArray()
            .Where(f => f.GetProperty("ruleId").GetString() == "PC3008")
            .Select(f => f.GetProperty("message").GetString()!.Split('\'')[1])];
    }
}
