using System.ComponentModel;
using System.Globalization;
using System.Text;

namespace PolicyCheck.Manifests.Git;

/// <summary>
/// The <c>git cat-file --batch</c> protocol: object ids in on stdin, one per line; for each, a header
/// <c>&lt;object&gt; SP blob SP &lt;size&gt; LF</c>, the contents and an LF out on stdout. One process serves every blob.
/// </summary>
internal sealed class CatFileBatch
{
    private readonly Stream _output;
    private readonly byte[] _buffer = new byte[81920];
    private int _start;
    private int _end;

    private CatFileBatch(Stream output) => _output = output;

    /// <summary>Writes every blob under <paramref name="folder"/> at its repository path; null, or why it failed.</summary>
    public static async Task<string?> WriteAsync(string git, string repository, string folder, IReadOnlyList<GitBlob> blobs, CancellationToken cancellationToken)
    {
        if (blobs.Count == 0)
            return null;
        System.Diagnostics.Process process;
        try
        {
            process = GitProcess.Start(git, repository, ["cat-file", "--batch"]);
        }
        catch (Win32Exception ex)
        {
            return ex.Message;
        }

        using (process)
        using (GitProcess.KillOnCancel(process, cancellationToken))
        {
            var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
            // The ids go in while the contents come out, so neither pipe can fill up and stall git.
            var feeder = Task.Run(() => FeedAsync(process.StandardInput, blobs, cancellationToken), cancellationToken);
            var batch = new CatFileBatch(process.StandardOutput.BaseStream);
            foreach (var blob in blobs)
            {
                var header = await batch.ReadLineAsync(cancellationToken);
                var parts = header?.Split(' ');
                if (parts is not { Length: 3 } || !long.TryParse(parts[2], CultureInfo.InvariantCulture, out var size))
                {
                    // A 'missing' line or a short output: stop git rather than wait for the ids still queued.
                    GitProcess.Kill(process);
                    await process.WaitForExitAsync(cancellationToken);
                    return header ?? "unexpected end of output";
                }

                var target = Path.Combine(folder, blob.Path.Replace('/', Path.DirectorySeparatorChar));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!); // target is below folder, so it has a parent
                await using (var file = File.Create(target))
                    await batch.CopyAsync(file, size, cancellationToken);
                await batch.SkipByteAsync(cancellationToken); // the LF after the contents
            }

            await feeder;
            await process.WaitForExitAsync(cancellationToken);
            return process.ExitCode == 0 ? null : GitProcess.FirstLine(await stderr);
        }
    }

    private static async Task FeedAsync(StreamWriter input, IReadOnlyList<GitBlob> blobs, CancellationToken cancellationToken)
    {
        foreach (var blob in blobs)
            await input.WriteAsync((blob.Object + "\n").AsMemory(), cancellationToken);
        await input.FlushAsync(cancellationToken);
        input.Close();
    }

    /// <summary>The next line without its LF; null at the end of the output.</summary>
    private async Task<string?> ReadLineAsync(CancellationToken cancellationToken)
    {
        var bytes = new List<byte>();
        while (await FillAsync(cancellationToken))
        {
            var newline = Array.IndexOf(_buffer, (byte)'\n', _start, _end - _start);
            if (newline >= 0)
            {
                bytes.AddRange(_buffer.AsSpan(_start, newline - _start));
                _start = newline + 1;
                return Encoding.UTF8.GetString([.. bytes]);
            }

            bytes.AddRange(_buffer.AsSpan(_start, _end - _start));
            _start = _end;
        }

        return bytes.Count == 0 ? null : Encoding.UTF8.GetString([.. bytes]);
    }

    private async Task CopyAsync(Stream to, long count, CancellationToken cancellationToken)
    {
        while (count > 0)
        {
            if (!await FillAsync(cancellationToken))
                throw new IOException("git cat-file ended early.");
            var take = (int)Math.Min(_end - _start, count);
            await to.WriteAsync(_buffer.AsMemory(_start, take), cancellationToken);
            _start += take;
            count -= take;
        }
    }

    private async Task SkipByteAsync(CancellationToken cancellationToken)
    {
        if (await FillAsync(cancellationToken))
            _start++;
    }

    /// <summary>Makes sure the buffer holds something; false at the end of the output.</summary>
    private async Task<bool> FillAsync(CancellationToken cancellationToken)
    {
        if (_start < _end)
            return true;
        _start = 0;
        _end = await _output.ReadAsync(_buffer, cancellationToken);
        return _end > 0;
    }
}
