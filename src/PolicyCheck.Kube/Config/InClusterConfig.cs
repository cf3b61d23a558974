using System.Net;
using System.Net.Sockets;
using PolicyCheck.Kube.Auth;

namespace PolicyCheck.Kube.Config;

/// <summary>
/// The pod's own service account: <c>KUBERNETES_SERVICE_HOST</c>/<c>PORT</c>, and the token (re-read as it rotates),
/// <c>ca.crt</c> and <c>namespace</c> files under the service account folder.
/// </summary>
internal static class InClusterConfig
{
    public const string ContextName = "in-cluster";

    public static bool IsAvailable(KubeConnectionOptions options) =>
        !string.IsNullOrEmpty(options.Variable("KUBERNETES_SERVICE_HOST")) && !string.IsNullOrEmpty(options.Variable("KUBERNETES_SERVICE_PORT"));

    public static ConnectionPlan Load(KubeConnectionOptions options, TimeProvider time)
    {
        var host = options.Variable("KUBERNETES_SERVICE_HOST");
        var port = options.Variable("KUBERNETES_SERVICE_PORT");
        if (string.IsNullOrEmpty(host) || string.IsNullOrEmpty(port))
        {
            throw new KubeConfigException(
                "In-cluster configuration needs KUBERNETES_SERVICE_HOST and KUBERNETES_SERVICE_PORT, which Kubernetes sets " +
                "in every pod; they are not set, so this is not running in a pod.");
        }

        if (!int.TryParse(port, out var portNumber) || portNumber is < 1 or > 65535)
            throw new KubeConfigException($"KUBERNETES_SERVICE_PORT '{port}' is not a port number.");
        var hostText = IPAddress.TryParse(host, out var address) && address.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{host}]" : host;
        if (!Uri.TryCreate($"https://{hostText}:{portNumber}", UriKind.Absolute, out var server))
            throw new KubeConfigException($"KUBERNETES_SERVICE_HOST '{host}' is not a host name or address.");

        var folder = options.ServiceAccountDirectory;
        var tokenPath = Path.Combine(folder, "token");
        var caPath = Path.Combine(folder, "ca.crt");
        const string what = "in-cluster service account";
        if (!File.Exists(tokenPath))
            throw new KubeConfigException($"{what}: token file '{tokenPath}' does not exist; is a service account token mounted (automountServiceAccountToken)?");
        byte[]? caBytes;
        try
        {
            caBytes = ReadLimits.ReadFile(caPath, ReadLimits.CertificateFileBytes);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new KubeConfigException($"{what}: CA file '{caPath}' cannot be read.");
        }

        if (caBytes is null)
            throw new KubeConfigException($"{what}: CA file '{caPath}' holds more than {ReadLimits.Describe(ReadLimits.CertificateFileBytes)}.");
        var caText = ReadLimits.Text(caBytes);

        var ca = ClientCertificates.Bundle(caText, $"{what} '{caPath}'");
        var endpoint = new ClusterEndpoint(server, ca, InsecureSkipTlsVerify: false, TlsServerName: null, ProxyUrl: null);
        var token = new FileToken(tokenPath, what, time);
        return new ConnectionPlan(ContextName, endpoint, Authenticator.Create(what, null, token, null, null, null));
    }

    /// <summary>The pod's namespace (the <c>namespace</c> file), or null.</summary>
    public static string? Namespace(KubeConnectionOptions options)
    {
        var path = Path.Combine(options.ServiceAccountDirectory, "namespace");
        if (!File.Exists(path))
            return null;
        try
        {
            var bytes = ReadLimits.ReadFile(path, ReadLimits.TokenFileBytes)
                ?? throw new KubeConfigException($"in-cluster service account: namespace file '{path}' holds more than {ReadLimits.Describe(ReadLimits.TokenFileBytes)}.");
            return ReadLimits.Text(bytes).Trim();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new KubeConfigException($"in-cluster service account: namespace file '{path}' cannot be read.");
        }
    }
}
