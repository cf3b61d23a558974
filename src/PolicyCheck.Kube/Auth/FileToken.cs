namespace PolicyCheck.Kube.Auth;

/// <summary>
/// A bearer token read from a file (kubeconfig <c>tokenFile</c>, the service account token) and read again after
/// <see cref="RefreshAfter"/> or a 401, because kubelet rotates projected service account tokens. At most
/// <see cref="ReadLimits.TokenFileBytes"/> are read, so a device or a wrong file fails at once.
/// </summary>
internal sealed class FileToken(string path, string what, TimeProvider time)
{
    public static readonly TimeSpan RefreshAfter = TimeSpan.FromMinutes(1);

    private readonly Lock _lock = new();
    private string? _token;
    private DateTimeOffset _readAt;

    public string Path { get; } = path;

    public string Read()
    {
        lock (_lock)
        {
            var now = time.GetUtcNow();
            if (_token is null || now - _readAt >= RefreshAfter)
            {
                byte[]? bytes;
                try
                {
                    bytes = ReadLimits.ReadFile(Path, ReadLimits.TokenFileBytes);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    throw new KubeConfigException($"{what}: token file '{Path}' cannot be read ({ex.GetType().Name.Replace("Exception", string.Empty, StringComparison.Ordinal)}).");
                }

                if (bytes is null)
                {
                    throw new KubeConfigException(
                        $"{what}: token file '{Path}' holds more than {ReadLimits.Describe(ReadLimits.TokenFileBytes)}; a token is a line of a few KiB (is it the right file?).");
                }

                var token = ReadLimits.Text(bytes).Trim();
                if (token.Length == 0)
                    throw new KubeConfigException($"{what}: token file '{Path}' is empty.");
                if (BearerToken.Problem(token) is { } problem)
                    throw new KubeConfigException($"{what}: the token in token file '{Path}' {problem}.");
                _token = token;
                _readAt = now;
            }

            return _token;
        }
    }

    public void Invalidate()
    {
        lock (_lock)
            _token = null;
    }
}
