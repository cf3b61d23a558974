using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace PolicyCheck.Kube.Auth;

/// <summary>PEM certificates and keys (RSA or EC; PKCS#1, PKCS#8 or SEC1) to X509 objects, with messages free of key data.</summary>
internal static class ClientCertificates
{
    /// <summary>A certificate with its private key, usable by SslStream. <paramref name="what"/> names the source for errors.</summary>
    public static X509Certificate2 FromPem(string certificatePem, string keyPem, string what)
    {
        X509Certificate2 pair;
        try
        {
            pair = X509Certificate2.CreateFromPem(certificatePem, keyPem);
        }
        catch (CryptographicException)
        {
            throw new KubeConfigException(
                $"{what}: the client certificate and key cannot be used; expected PEM ('CERTIFICATE' and an RSA or EC " +
                "'PRIVATE KEY', 'RSA PRIVATE KEY' or 'EC PRIVATE KEY') with the key matching the certificate.");
        }
        catch (ArgumentException)
        {
            throw new KubeConfigException($"{what}: the client certificate or key holds no PEM block.");
        }

        // SslStream wants a key it can use for the handshake; re-importing as PKCS#12 gives that on every platform.
        using (pair)
            return X509CertificateLoader.LoadPkcs12(pair.Export(X509ContentType.Pkcs12), null);
    }

    /// <summary>All certificates in PEM text (a CA bundle).</summary>
    public static X509Certificate2Collection Bundle(string pem, string what)
    {
        var collection = new X509Certificate2Collection();
        try
        {
            collection.ImportFromPem(pem);
        }
        catch (CryptographicException)
        {
            throw new KubeConfigException($"{what}: the certificate authority is not valid PEM.");
        }

        if (collection.Count == 0)
            throw new KubeConfigException($"{what}: the certificate authority holds no PEM 'CERTIFICATE' block.");
        return collection;
    }
}
