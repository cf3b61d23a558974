using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace PolicyCheck.TestKit.FakeKubeApi;

/// <summary>
/// A throwaway certificate authority generated in the test (CertificateRequest), issuing the fake API server's
/// certificate and client certificates. <see cref="CertificatePem"/> goes into a kubeconfig's
/// <c>certificate-authority-data</c> (base64 of it) or a <c>ca.crt</c> file.
/// </summary>
public sealed class TestCertificateAuthority : IDisposable
{
    private readonly RSA _key;

    private TestCertificateAuthority(string name)
    {
        _key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={name}", _key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        Certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        CertificatePem = Certificate.ExportCertificatePem();
    }

    public X509Certificate2 Certificate { get; }

    public string CertificatePem { get; }

    /// <summary>Base64 of the PEM, as <c>certificate-authority-data</c> holds it.</summary>
    public string CertificateData => Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(CertificatePem));

    public static TestCertificateAuthority Create(string name = "fake-kubernetes-ca") => new(name);

    /// <summary>One authority for a whole test run (RSA key generation is slow); never dispose it.</summary>
    public static TestCertificateAuthority Shared => SharedInstance.Value;

    private static readonly Lazy<TestCertificateAuthority> SharedInstance = new(() => new TestCertificateAuthority("fake-kubernetes-ca"));

    /// <summary>A server certificate for the given DNS names and IP addresses, with its key, ready for Kestrel.</summary>
    public X509Certificate2 IssueServer(IEnumerable<string> dnsNames, IEnumerable<IPAddress> addresses)
    {
        // EC P-256: as valid for TLS as RSA, and generated in microseconds, so each test can start its own server.
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=kube-apiserver", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        foreach (var dns in dnsNames)
            names.AddDnsName(dns);
        foreach (var address in addresses)
            names.AddIpAddress(address);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var certificate = Sign(request);
        using var withKey = certificate.CopyWithPrivateKey(key);
        return X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pkcs12), null);
    }

    /// <summary>
    /// A client certificate as the API server's x509 authenticator reads it: the common name is the user, each
    /// organization a group. Returns PEM text for <c>client-certificate-data</c> and <c>client-key-data</c>.
    /// </summary>
    public (string CertificatePem, string KeyPem) IssueClient(string user, TestKeyKind kind = TestKeyKind.RsaPkcs1, params string[] groups)
    {
        var subject = $"CN={user}" + string.Concat(groups.Select(g => $", O={g}"));
        AsymmetricAlgorithm key = kind is TestKeyKind.EcSec1 or TestKeyKind.EcPkcs8 ? ECDsa.Create(ECCurve.NamedCurves.nistP256) : RSA.Create(2048);
        using (key)
        {
            var request = key is ECDsa ec
                ? new CertificateRequest(subject, ec, HashAlgorithmName.SHA256)
                : new CertificateRequest(subject, (RSA)key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
            request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.2")], false));
            using var certificate = Sign(request);
            var keyPem = kind switch
            {
                TestKeyKind.RsaPkcs1 => ((RSA)key).ExportRSAPrivateKeyPem(),
                TestKeyKind.EcSec1 => ((ECDsa)key).ExportECPrivateKeyPem(),
                _ => key.ExportPkcs8PrivateKeyPem(),
            };
            return (certificate.ExportCertificatePem(), keyPem);
        }
    }

    /// <summary>True when <paramref name="certificate"/> was issued by this authority and is valid now.</summary>
    public bool Issued(X509Certificate2 certificate)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(Certificate);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(certificate);
    }

    public void Dispose()
    {
        Certificate.Dispose();
        _key.Dispose();
    }

    private X509Certificate2 Sign(CertificateRequest request)
    {
        var serial = new byte[16];
        RandomNumberGenerator.Fill(serial);
        serial[0] &= 0x7F;
        return request.Create(Certificate.SubjectName, X509SignatureGenerator.CreateForRSA(_key, RSASignaturePadding.Pkcs1),
            DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddDays(7), serial);
    }
}
