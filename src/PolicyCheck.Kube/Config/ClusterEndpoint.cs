using System.Security.Cryptography.X509Certificates;

namespace PolicyCheck.Kube.Config;

/// <summary>A kubeconfig cluster, resolved: where the API server is and how to trust it.</summary>
internal sealed record ClusterEndpoint(
    Uri Server,
    X509Certificate2Collection? CertificateAuthority,
    bool InsecureSkipTlsVerify,
    string? TlsServerName,
    Uri? ProxyUrl)
{
    /// <summary>The name the server's certificate must hold: <c>tls-server-name</c>, else the server's host.</summary>
    public string ExpectedName =>
        TlsServerName ?? (Server.HostNameType == UriHostNameType.IPv6 ? Server.DnsSafeHost : Server.IdnHost);
}
