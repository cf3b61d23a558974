using System.Net.Http.Headers;
using System.Security.Cryptography.X509Certificates;

namespace PolicyCheck.Kube.Auth;

/// <summary>What goes with a request: an Authorization header and/or a client certificate.</summary>
internal sealed record CredentialState(AuthenticationHeaderValue? Authorization, X509Certificate2? ClientCertificate);
