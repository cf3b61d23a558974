using PolicyCheck.TestKit.FakeKubeApi;

namespace PolicyCheck.Kube.Tests;

/// <summary>Writes kubeconfig files for a <see cref="FakeKubeApi"/> into a temp folder.</summary>
internal static class KubeTestBed
{
    public const string Token = "tok-3f9a2c81e7d54b6aa0c1";

    /// <summary>A kubeconfig with one context 'test' whose user is <paramref name="userYaml"/> (indented 4 spaces).</summary>
    public static string Kubeconfig(FakeKubeApi api, string userYaml, string clusterExtra = "") => $"""
        apiVersion: v1
        kind: Config
        current-context: test
        clusters:
        - name: fake
          cluster:
            server: {api.Server.AbsoluteUri.TrimEnd('/')}
            certificate-authority-data: {api.Authority.CertificateData}
        {clusterExtra}
        contexts:
        - name: test
          context:
            cluster: fake
            user: alice
        users:
        - name: alice
          user:
        {userYaml}
        """;

    public static KubeConnectionOptions Options(string kubeconfig, TextWriter? log = null) =>
        new(Kubeconfig: kubeconfig, Timeout: TimeSpan.FromSeconds(10), VerboseLog: log, Environment: new Dictionary<string, string?>())
        {
            RetryDelay = TimeSpan.FromMilliseconds(10),
        };

    public static Task<FakeKubeApi> StartAsync(Action<FakeKubeApiBuilder>? configure = null)
    {
        var builder = FakeKubeApi.Create().WithObjects(ClusterObjects.All()).AcceptToken(Token, "alice");
        configure?.Invoke(builder);
        return builder.StartAsync();
    }
}
