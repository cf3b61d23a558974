using System.Net.Http.Headers;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace PolicyCheck.Kube.Auth;

/// <summary>
/// A kubeconfig user (or the service account) as request credentials: a bearer token (inline, from a file or from an
/// exec plugin), basic auth, and/or a client certificate. <see cref="Method"/> describes the method for messages
/// without revealing anything secret.
/// </summary>
internal sealed class Authenticator : IDisposable
{
    private readonly string? _token;
    private readonly FileToken? _tokenFile;
    private readonly ExecPlugin? _exec;
    private readonly string? _basic;
    private readonly X509Certificate2? _certificate;

    private Authenticator(string method, string? token, FileToken? tokenFile, ExecPlugin? exec, string? basic, X509Certificate2? certificate)
    {
        Method = method;
        _token = token;
        _tokenFile = tokenFile;
        _exec = exec;
        _basic = basic;
        _certificate = certificate;
    }

    /// <summary>For messages: <c>bearer token from kubeconfig user 'alice'</c>, <c>exec plugin 'aws'</c>, <c>no credentials</c>.</summary>
    public string Method { get; }

    public static Authenticator Create(
        string owner, string? token, FileToken? tokenFile, ExecPlugin? exec, (string User, string Password)? basic, X509Certificate2? certificate)
    {
        var parts = new List<string>();
        if (certificate is not null)
            parts.Add("client certificate");
        if (token is not null)
            parts.Add("bearer token");
        else if (tokenFile is not null)
            parts.Add($"bearer token from file '{tokenFile.Path}'");
        else if (exec is not null)
            parts.Add($"exec plugin '{exec.Config.Command}'");
        if (basic is { } b)
            parts.Add($"basic auth as '{b.User}'");
        var method = parts.Count == 0 ? $"no credentials ({owner} has none)" : $"{string.Join(" and ", parts)} of {owner}";
        var header = basic is { } pair ? Convert.ToBase64String(Encoding.UTF8.GetBytes($"{pair.User}:{pair.Password}")) : null;
        return new Authenticator(method, token, tokenFile, exec, header, certificate);
    }

    public async Task<CredentialState> AcquireAsync(CancellationToken ct)
    {
        var certificate = _certificate;
        string? bearer = _token ?? _tokenFile?.Read();
        if (bearer is null && _exec is not null)
        {
            var result = await _exec.AcquireAsync(ct);
            bearer = result.Token;
            certificate = result.ClientCertificate ?? certificate;
        }

        var header = bearer is not null ? new AuthenticationHeaderValue("Bearer", bearer)
            : _basic is not null ? new AuthenticationHeaderValue("Basic", _basic)
            : null;
        return new CredentialState(header, certificate);
    }

    /// <summary>After a 401: drops cached credentials. True when asking again may give different ones.</summary>
    public bool Invalidate()
    {
        if (_token is null && _exec is not null)
        {
            _exec.Invalidate();
            return true;
        }

        if (_token is null && _tokenFile is not null)
        {
            _tokenFile.Invalidate();
            return true;
        }

        return false;
    }

    public void Dispose()
    {
        _exec?.Dispose();
        _certificate?.Dispose();
    }
}
