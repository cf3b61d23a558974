using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using PolicyCheck.Kube.Config;

namespace PolicyCheck.Kube.Http;

/// <summary>
/// Checks the API server's certificate against the cluster's own CA (not the system store when one is given) and
/// the expected name (<c>tls-server-name</c> or the server's host), and remembers why a check failed so the error
/// can say "CA mismatch" or "name mismatch" instead of the platform's generic handshake failure.
/// </summary>
internal sealed class TlsVerifier(ClusterEndpoint cluster)
{
    private volatile string? _lastFailure;

    public string? LastFailure => _lastFailure;

    public bool Verify(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (cluster.InsecureSkipTlsVerify)
            return true;
        if (certificate is null)
            return Fail("the server sent no certificate");

        using var leaf = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        if (cluster.CertificateAuthority is { } ca)
        {
            using var custom = new X509Chain();
            custom.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            custom.ChainPolicy.CustomTrustStore.AddRange(ca);
            custom.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            if (chain is not null)
            {
                foreach (var element in chain.ChainElements)
                    custom.ChainPolicy.ExtraStore.Add(element.Certificate);
            }

            if (!custom.Build(leaf))
            {
                var status = string.Join(", ", custom.ChainStatus.Select(s => s.Status.ToString()).Distinct());
                return Fail(
                    $"certificate authority mismatch: the server's certificate (issued by '{leaf.Issuer}') does not chain to " +
                    $"the cluster's certificate-authority ({status}); check certificate-authority(-data) in the kubeconfig");
            }
        }
        else if ((errors & SslPolicyErrors.RemoteCertificateChainErrors) != 0)
        {
            return Fail(
                $"the server's certificate (issued by '{leaf.Issuer}') is not trusted by the system's CA store; " +
                "set certificate-authority(-data) for the cluster in the kubeconfig");
        }

        if (!leaf.MatchesHostname(cluster.ExpectedName, allowWildcards: true, allowCommonName: false))
        {
            var names = SubjectNames(leaf);
            return Fail(
                $"name mismatch: the server's certificate is not valid for '{cluster.ExpectedName}' (it names {names}); " +
                "connect by one of those names or set tls-server-name");
        }

        _lastFailure = null;
        return true;
    }

    private bool Fail(string reason)
    {
        _lastFailure = reason;
        return false;
    }

    private static string SubjectNames(X509Certificate2 certificate)
    {
        foreach (var extension in certificate.Extensions)
        {
            if (extension is X509SubjectAlternativeNameExtension san)
            {
                var names = san.EnumerateDnsNames().Concat(san.EnumerateIPAddresses().Select(ip => ip.ToString())).ToList();
                if (names.Count > 0)
                    return string.Join(", ", names.Select(n => $"'{n}'"));
            }
        }

        return "no subject alternative names";
    }
}
