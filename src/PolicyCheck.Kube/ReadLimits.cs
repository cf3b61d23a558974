using System.Text;

namespace PolicyCheck.Kube;

/// <summary>
/// The most the client reads from each source, so that a huge or endless input (a device such as <c>/dev/zero</c>,
/// a runaway plugin, a server that never stops sending) ends with an error that names it instead of exhausting memory.
/// Sizes are counted as the bytes arrive: neither <c>Content-Length</c> nor the file system's length is trusted, and
/// an API answer is counted after gzip decompression. The API answer's limit is
/// <see cref="KubeConnectionOptions.MaxResponseBytes"/>; the others are fixed, far above what real files hold.
/// </summary>
public static class ReadLimits
{
    /// <summary>The default of <see cref="KubeConnectionOptions.MaxResponseBytes"/>: 256 MiB per API answer (one LIST page or GET).</summary>
    public const long DefaultResponseBytes = 256L * 1024 * 1024;

    /// <summary>An error answer (4xx, 5xx) is read up to 1 MiB for its message; a longer one is not shown.</summary>
    public const int ErrorBodyBytes = 1024 * 1024;

    /// <summary>One kubeconfig file: 4 MiB.</summary>
    public const int KubeconfigBytes = 4 * 1024 * 1024;

    /// <summary>A token file (kubeconfig <c>tokenFile</c>, the service account token) and the service account's <c>namespace</c> file: 1 MiB.</summary>
    public const int TokenFileBytes = 1024 * 1024;

    /// <summary>A client certificate, client key or certificate authority file (a CA bundle may hold many certificates): 4 MiB.</summary>
    public const int CertificateFileBytes = 4 * 1024 * 1024;

    /// <summary>What an exec credential plugin writes, to stdout and to stderr each: 1 MiB.</summary>
    public const int ExecOutputBytes = 1024 * 1024;

    /// <summary>For messages: <c>4 MiB</c>, <c>512 KiB</c>, <c>100 bytes</c>.</summary>
    public static string Describe(long bytes) =>
        bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0 ? $"{bytes / (1024 * 1024)} MiB"
        : bytes >= 1024 && bytes % 1024 == 0 ? $"{bytes / 1024} KiB"
        : $"{bytes} bytes";

    /// <summary>The file's bytes, or null when it holds more than <paramref name="limit"/>; reads at most limit + 1 bytes.</summary>
    internal static byte[]? ReadFile(string path, int limit)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 1, FileOptions.SequentialScan);
        return Read(stream, limit);
    }

    /// <summary>The stream's bytes up to its end, or null when it holds more than <paramref name="limit"/>.</summary>
    internal static byte[]? Read(Stream stream, long limit)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk, 0, (int)Math.Min(chunk.Length, limit + 1 - buffer.Length))) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > limit)
                return null;
        }

        return buffer.ToArray();
    }

    /// <inheritdoc cref="Read(Stream, long)"/>
    internal static async Task<byte[]?> ReadAsync(Stream stream, long limit, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, limit + 1 - buffer.Length)), ct)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > limit)
                return null;
        }

        return buffer.ToArray();
    }

    /// <summary>Text as <see cref="File.ReadAllText(string)"/> decodes it: UTF-8 unless a byte order mark says otherwise.</summary>
    internal static string Text(byte[] bytes)
    {
        using var reader = new StreamReader(new MemoryStream(bytes), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }
}
