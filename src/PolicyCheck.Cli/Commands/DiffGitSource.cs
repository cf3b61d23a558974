using System.Collections.Immutable;
using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace PolicyCheck.Cli.Commands;

/// <summary>
/// Manifests as they are at a git commit, copied into a temporary folder with <c>git ls-tree</c> and
/// <c>git cat-file --batch</c>: no checkout, nothing in the work tree or the index changes, and unlike
/// <c>git archive</c> no <c>export-ignore</c> attribute can hide a file. Paths name the same places as in the work
/// tree (relative to the current directory). Disposing deletes the folder.
/// </summary>
internal sealed class DiffGitSource : IDisposable
{
    private static readonly string[] ManifestExtensions = [".yaml", ".yml", ".json"];

    private readonly string _repository;

    private DiffGitSource(string reference, string repository, string folder, ImmutableArray<string> paths, ImmutableArray<string> missing)
    {
        Reference = reference;
        _repository = repository;
        Folder = folder;
        Paths = paths;
        Missing = missing;
    }

    /// <summary>The ref as the user wrote it.</summary>
    public string Reference { get; }

    /// <summary>The temporary folder holding the files.</summary>
    public string Folder { get; }

    /// <summary>Where the requested paths that exist at the ref now are, for the loader.</summary>
    public ImmutableArray<string> Paths { get; }

    /// <summary>Requested paths that do not exist at the ref (as written): that side has nothing there.</summary>
    public ImmutableArray<string> Missing { get; }

    /// <summary>Shows a path inside <see cref="Folder"/> the way git names it: <c>REF:path/in/repo.yaml</c>.</summary>
    public string DisplayPath(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var prefix = Folder + Path.DirectorySeparatorChar;
        return path.StartsWith(prefix, StringComparison.Ordinal)
            ? $"{Reference}:{path[prefix.Length..].Replace(Path.DirectorySeparatorChar, '/')}"
            : path;
    }

    /// <summary>Where a path inside <see cref="Folder"/> is in the work tree, as the repository lays it out at the ref.</summary>
    public string WorkTreePath(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var relative = Path.GetRelativePath(Folder, path);
        return relative == "." ? _repository : Path.Combine(_repository, relative);
    }

    /// <summary>
    /// Copies <paramref name="paths"/> (relative to <paramref name="workingDirectory"/>; none = that directory) as
    /// they are at <paramref name="reference"/>, in the repository that holds them. Returns null with
    /// <paramref name="error"/> set for no git, no repository, paths in two repositories, a bad ref, or a failing git.
    /// </summary>
    public static DiffGitSource? Extract(string git, string reference, IReadOnlyList<string> paths, string workingDirectory, out string? error)
    {
        ArgumentNullException.ThrowIfNull(git);
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(paths);
        error = null;
        string? root = null;
        var requested = new List<(string Written, string InRepo)>();
        foreach (var path in paths.Count == 0 ? ["."] : paths)
        {
            // Ask git where the path is from the nearest existing folder, so a path deleted since the ref still works
            // and symlinked folders resolve the way git sees them.
            var full = Path.GetFullPath(path, workingDirectory);
            var here = full;
            while (!Directory.Exists(here) && Path.GetDirectoryName(here) is { } parent)
                here = parent;
            var where = Git(git, here, ["rev-parse", "--show-toplevel", "--show-prefix"]);
            if (where.NotInstalled)
            {
                error = $"--git needs git, but '{git}' could not be started; install git or put it on PATH.";
                return null;
            }

            if (where.ExitCode != 0)
            {
                error = $"'{path}' is not inside a git repository ({FirstLine(where.Error)}).";
                return null;
            }

            var lines = where.Output.Split('\n');
            var top = lines[0].Trim();
            var prefix = lines.Length > 1 ? lines[1].Trim() : string.Empty;
            if (root is not null && top != root)
            {
                error = $"'{path}' is in another git repository ('{top}') than the first path ('{root}').";
                return null;
            }

            root = top;
            if (InRepository(prefix, here, full) is not { } inRepo)
            {
                error = $"'{path}' is outside the git repository at '{root}'.";
                return null;
            }

            requested.Add((path, inRepo));
        }

        var repository = root!; // the loop ran at least once, and every pass sets root or returns
        var commit = Git(git, repository, ["rev-parse", "--verify", "--quiet", "--end-of-options", reference + "^{commit}"]);
        if (reference.Length == 0 || commit.ExitCode != 0)
        {
            // A shallow clone (CI checkouts often fetch one commit) lacks the base: say how to get it.
            var shallow = Git(git, repository, ["rev-parse", "--is-shallow-repository"]).Output.Trim() == "true";
            error = $"'{reference}' is not a commit in the repository at '{root}'; use a branch, tag or commit id" +
                    (shallow ? " (this clone is shallow: fetch the ref first, e.g. 'git fetch origin <ref>' or a full-depth checkout)." : ".");
            return null;
        }

        var sha = commit.Output.Trim();
        var folder = Directory.CreateTempSubdirectory("policycheck-diff-").FullName;
        var source = new DiffGitSource(reference, repository, folder, [], []);
        try
        {
            var found = new List<string>();
            var missing = new List<string>();
            var blobs = new List<(string Object, string Path)>();
            foreach (var (written, inRepo) in requested)
            {
                var listing = Git(git, repository, inRepo.Length == 0 ? ["ls-tree", "-r", "-z", sha] : ["ls-tree", "-r", "-z", sha, "--", inRepo]);
                if (listing.ExitCode != 0)
                {
                    error = $"git ls-tree failed for '{written}' at '{reference}': {FirstLine(listing.Error)}";
                    source.Dispose();
                    return null;
                }

                var entries = Entries(listing.Output, inRepo).ToList();
                if (entries.Count == 0)
                {
                    missing.Add(written);
                    continue;
                }

                var isFile = entries.Count == 1 && entries[0].Path == inRepo;
                found.Add(inRepo.Length == 0 ? folder : Path.Combine(folder, inRepo));
                blobs.AddRange(entries.Where(e => isFile || ManifestExtensions.Any(x => e.Path.EndsWith(x, StringComparison.OrdinalIgnoreCase))));
            }

            if (!WriteBlobs(git, repository, folder, blobs.DistinctBy(b => b.Path).ToList(), out var writeError))
            {
                error = $"git cat-file failed at '{reference}': {writeError}";
                source.Dispose();
                return null;
            }

            return new DiffGitSource(reference, repository, folder, [.. found], [.. missing]);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error = $"cannot copy the files at '{reference}' to '{folder}': {ex.Message}";
            source.Dispose();
            return null;
        }
    }

    public void Dispose()
    {
        try
        {
            if (Directory.Exists(Folder))
                Directory.Delete(Folder, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A leftover temporary folder is not worth failing the command for.
        }
    }

    /// <summary>The path relative to the repository root ('' for the root), or null when it lies outside.</summary>
    private static string? InRepository(string prefix, string folder, string fullPath)
    {
        const string Root = "/repository-root";
        var fromHere = Path.GetRelativePath(folder, fullPath).Replace(Path.DirectorySeparatorChar, '/');
        var full = Path.GetFullPath(Root + "/" + prefix + fromHere, "/").Replace(Path.DirectorySeparatorChar, '/');
        full = Path.TrimEndingDirectorySeparator(full);
        if (full == Root)
            return string.Empty;
        return full.StartsWith(Root + "/", StringComparison.Ordinal) ? full[(Root.Length + 1)..] : null;
    }

    /// <summary>Blob entries of <c>ls-tree -r -z</c> output at or below <paramref name="inRepo"/>; links and submodules are skipped.</summary>
    private static IEnumerable<(string Object, string Path)> Entries(string listing, string inRepo)
    {
        foreach (var record in listing.Split('\0', StringSplitOptions.RemoveEmptyEntries))
        {
            // "<mode> SP <type> SP <object> TAB <path>"
            var tab = record.IndexOf('\t', StringComparison.Ordinal);
            if (tab < 0)
                continue;
            var fields = record[..tab].Split(' ');
            var path = record[(tab + 1)..];
            if (fields.Length != 3 || fields[1] != "blob" || fields[0] == "120000")
                continue;
            if (inRepo.Length == 0 || path == inRepo || path.StartsWith(inRepo + "/", StringComparison.Ordinal))
                yield return (fields[2], path);
        }
    }

    /// <summary>Reads every blob through one <c>git cat-file --batch</c> and writes it under <paramref name="folder"/>.</summary>
    private static bool WriteBlobs(string git, string root, string folder, List<(string Object, string Path)> blobs, out string? error)
    {
        error = null;
        if (blobs.Count == 0)
            return true;
        using var process = Start(git, root, ["cat-file", "--batch"]);
        var stderr = process.StandardError.ReadToEndAsync();
        var feeder = Task.Run(() =>
        {
            foreach (var blob in blobs)
                process.StandardInput.Write(blob.Object + "\n");
            process.StandardInput.Close();
        });
        var output = process.StandardOutput.BaseStream;
        foreach (var (_, path) in blobs)
        {
            // "<object> SP blob SP <size> LF <contents> LF"
            var header = ReadLine(output);
            var parts = header?.Split(' ');
            if (parts is not { Length: 3 } || !long.TryParse(parts[2], System.Globalization.CultureInfo.InvariantCulture, out var size))
            {
                error = header ?? "unexpected end of output";
                process.WaitForExit();
                return false;
            }

            var target = Path.Combine(folder, path.Replace('/', Path.DirectorySeparatorChar));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!); // target is below folder, so it has a parent
            using (var file = File.Create(target))
                Copy(output, file, size);
            _ = output.ReadByte(); // the LF after the contents
        }

        feeder.Wait();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            error = FirstLine(stderr.Result);
            return false;
        }

        return true;
    }

    private static void Copy(Stream from, Stream to, long count)
    {
        var buffer = new byte[81920];
        while (count > 0)
        {
            var read = from.Read(buffer, 0, (int)Math.Min(buffer.Length, count));
            if (read <= 0)
                throw new IOException("git cat-file ended early.");
            to.Write(buffer, 0, read);
            count -= read;
        }
    }

    private static string? ReadLine(Stream stream)
    {
        var bytes = new List<byte>();
        for (var b = stream.ReadByte(); b >= 0; b = stream.ReadByte())
        {
            if (b == '\n')
                return Encoding.UTF8.GetString([.. bytes]);
            bytes.Add((byte)b);
        }

        return bytes.Count == 0 ? null : Encoding.UTF8.GetString([.. bytes]);
    }

    private readonly record struct GitResult(int ExitCode, string Output, string Error, bool NotInstalled);

    private static GitResult Git(string git, string workingDirectory, string[] arguments)
    {
        Process process;
        try
        {
            process = Start(git, workingDirectory, arguments);
        }
        catch (Win32Exception)
        {
            return new GitResult(-1, string.Empty, string.Empty, NotInstalled: true);
        }

        using (process)
        {
            process.StandardInput.Close();
            var error = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return new GitResult(process.ExitCode, output, error.Result, NotInstalled: false);
        }
    }

    private static Process Start(string git, string workingDirectory, string[] arguments)
    {
        var start = new ProcessStartInfo(git)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        // Paths are literal, never wildcards; and git must not ask for anything.
        start.Environment["GIT_LITERAL_PATHSPECS"] = "1";
        start.Environment["GIT_TERMINAL_PROMPT"] = "0";
        start.Environment["LC_ALL"] = "C";
        return Process.Start(start) ?? throw new Win32Exception("git did not start.");
    }

    private static string FirstLine(string text)
    {
        var line = text.Trim().Split('\n')[0].Trim();
        return line.Length == 0 ? "git gave no reason" : line;
    }
}
