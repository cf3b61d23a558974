namespace PolicyCheck.Cli.Tests;

/// <summary>Small manifests several command tests run against.</summary>
internal static class TestManifests
{
    /// <summary>
    /// Pods x/a and x/b; only x/b is isolated (ingress), and the policy admits x/a on b's named port http (8080).
    /// </summary>
    public const string TwoPods = """
        apiVersion: v1
        kind: Pod
        metadata: {name: a, namespace: x, labels: {app: a}}
        spec: {containers: [{name: c, image: nginx}]}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: b, namespace: x, labels: {app: b}}
        spec: {containers: [{name: c, image: nginx, ports: [{name: http, containerPort: 8080}]}]}
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: b-from-a, namespace: x}
        spec:
          podSelector: {matchLabels: {app: b}}
          ingress:
          - from: [{podSelector: {matchLabels: {app: a}}}]
            ports: [{port: http}]
        """;

    /// <summary>
    /// A NetworkPolicy the API server rejects: protocol 'tcp' on line 8 (protocols are case-sensitive). The rest of
    /// the input must still be evaluated.
    /// </summary>
    public const string InvalidProtocolPolicy = """
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: bad, namespace: x}
        spec:
          podSelector: {}
          ingress:
          - ports:
            - protocol: tcp
              port: 80
        """;
}
