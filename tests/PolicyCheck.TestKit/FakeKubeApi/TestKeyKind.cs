namespace PolicyCheck.TestKit.FakeKubeApi;

/// <summary>The key type and PEM encoding of a generated client key, to cover what kubeconfigs hold.</summary>
public enum TestKeyKind
{
    /// <summary>RSA 2048, PKCS#1 (<c>RSA PRIVATE KEY</c>), as kubeadm writes.</summary>
    RsaPkcs1,

    /// <summary>RSA 2048, PKCS#8 (<c>PRIVATE KEY</c>).</summary>
    RsaPkcs8,

    /// <summary>EC P-256, SEC1 (<c>EC PRIVATE KEY</c>), as kind and k3s write.</summary>
    EcSec1,

    /// <summary>EC P-256, PKCS#8 (<c>PRIVATE KEY</c>).</summary>
    EcPkcs8,
}
