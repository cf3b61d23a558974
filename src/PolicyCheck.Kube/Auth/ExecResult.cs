using System.Security.Cryptography.X509Certificates;

namespace PolicyCheck.Kube.Auth;

/// <summary>An ExecCredential's status: a token and/or a client certificate, valid until <see cref="Expires"/> (null: no expiry).</summary>
internal sealed record ExecResult(string? Token, X509Certificate2? ClientCertificate, DateTimeOffset? Expires);
