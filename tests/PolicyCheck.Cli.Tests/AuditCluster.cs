using System.CommandLine;
using System.Text;
using PolicyCheck.Cli.Commands;
using PolicyCheck.TestKit;
using PolicyCheck.TestKit.FakeKubeApi;

namespace PolicyCheck.Cli.Tests;

/// <summary>
/// The live-shop cluster served by a real HTTPS fake API server, with kubeconfig files that reach it the ways users
/// do (bearer token, client certificate) and an in-cluster service-account folder. Every credential is a distinct
/// marker string, so tests can prove none is ever printed.
/// </summary>
internal sealed class AuditCluster : IAsyncDisposable
{
    public const string Context = "kind-shop";
    public const string Token = "tok-3b9f1c-NEVER-PRINT-ME";
    public const string ServiceAccountToken = "sa-7d2e44-NEVER-PRINT-ME";
    public const string ClientUser = "alice";

    private AuditCluster(FakeKubeApi api, string folder)
    {
        Api = api;
        Folder = folder;
    }

    public FakeKubeApi Api { get; }

    public string Folder { get; }

    /// <summary>A kubeconfig whose user has <see cref="Token"/>.</summary>
    public string TokenKubeconfig => Path.Combine(Folder, "token.kubeconfig");

    /// <summary>A kubeconfig whose user has a client certificate and an EC key issued by the server's CA.</summary>
    public string CertificateKubeconfig => Path.Combine(Folder, "cert.kubeconfig");

    public string ClientKeyPem { get; private set; } = string.Empty;

    public string ServiceAccountFolder => Path.Combine(Folder, "serviceaccount");

    public static async Task<AuditCluster> StartAsync(Func<FakeKubeApiBuilder, FakeKubeApiBuilder>? configure = null)
    {
        var builder = FakeKubeApi.Create()
            .WithObjects(LiveShop.Items())
            .AcceptToken(Token, "ci-reader")
            .AcceptToken(ServiceAccountToken, "system:serviceaccount:policycheck:policycheck-audit")
            .AcceptClientCertificates();
        var api = await (configure?.Invoke(builder) ?? builder).StartAsync();
        var cluster = new AuditCluster(api, TempFolder.Scratch());
        cluster.WriteFiles();
        return cluster;
    }

    /// <summary>Runs the real command line (CliApp) with captured streams.</summary>
    public static Task<CliRunner.Result> RunAsync(params string[] args) => CliRunner.RunAsync(args);

    /// <summary>
    /// Runs <c>policycheck audit …</c> as inside a pod: KUBERNETES_SERVICE_HOST/PORT point at the fake server and the
    /// service-account folder holds its token, CA and namespace. <paramref name="args"/> start after "audit".
    /// </summary>
    public async Task<CliRunner.Result> RunInClusterAsync(params string[] args)
    {
        var environment = new Dictionary<string, string?>
        {
            ["KUBERNETES_SERVICE_HOST"] = Api.Server.Host,
            ["KUBERNETES_SERVICE_PORT"] = Api.Server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        using var output = new StringWriter();
        using var error = new StringWriter();
        var root = new Command("policycheck")
        {
            AuditCommand.Create(options => options with { Environment = environment, ServiceAccountDirectory = ServiceAccountFolder }),
        };
        var parse = root.Parse(["audit", .. args]);
        Assert.That(parse.Errors, Is.Empty, () => string.Join("\n", parse.Errors.Select(e => e.Message)));
        var code = await parse.InvokeAsync(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        return new CliRunner.Result(code, output.ToString(), error.ToString());
    }

    public async ValueTask DisposeAsync() => await Api.DisposeAsync();

    private void WriteFiles()
    {
        File.WriteAllText(TokenKubeconfig, Kubeconfig($"""
                token: {Token}
            """));
        var (certificate, key) = Api.Authority.IssueClient(ClientUser, TestKeyKind.EcSec1);
        ClientKeyPem = key;
        File.WriteAllText(CertificateKubeconfig, Kubeconfig($"""
                client-certificate-data: {Base64(certificate)}
                client-key-data: {Base64(key)}
            """));
        Directory.CreateDirectory(ServiceAccountFolder);
        File.WriteAllText(Path.Combine(ServiceAccountFolder, "token"), ServiceAccountToken);
        File.WriteAllText(Path.Combine(ServiceAccountFolder, "ca.crt"), Api.Authority.CertificatePem);
        File.WriteAllText(Path.Combine(ServiceAccountFolder, "namespace"), "policycheck");
    }

    private string Kubeconfig(string user) => $"""
        apiVersion: v1
        kind: Config
        clusters:
        - name: fake
          cluster:
            server: {Api.Server}
            certificate-authority-data: {Api.Authority.CertificateData}
        contexts:
        - name: {Context}
          context:
            cluster: fake
            user: reader
        current-context: {Context}
        users:
        - name: reader
          user:
        {user}
        """;

    private static string Base64(string pem) => Convert.ToBase64String(Encoding.UTF8.GetBytes(pem));
}
