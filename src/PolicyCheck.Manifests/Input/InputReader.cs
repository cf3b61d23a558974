using System.Buffers;
using System.Text;
using System.Text.Unicode;
using PolicyCheck.Core.Diagnostics;
using PolicyCheck.Core.Model;

namespace PolicyCheck.Manifests.Input;

/// <summary>
/// Expands the inputs (files, folders, <c>-</c>) into texts to load, and reads each as UTF-8 (or UTF-16 with a byte
/// order mark, as Windows PowerShell writes redirected output). Problems become diagnostics.
/// </summary>
internal static class InputReader
{
    public const string StdinArgument = "-";

    private const int ChunkSize = 64 * 1024;

    private static readonly SearchValues<string> ManifestExtensions =
        SearchValues.Create([".yaml", ".yml", ".json"], StringComparison.OrdinalIgnoreCase);

    private static readonly StringComparer PathComparer =
        OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;

    /// <summary>
    /// The sources in order: each input in turn, a folder's manifests recursively in ordinal order of their paths,
    /// skipping folders and files whose name starts with a dot (<c>.git</c>, <c>.pre-commit-config.yaml</c>,
    /// <c>.policycheck.yaml</c>: tool settings, not manifests); a dot-file named as an input is read. A file reached
    /// twice is read once.
    /// </summary>
    public static List<InputSource> Expand(IReadOnlyList<string> inputs, List<Diagnostic> diagnostics)
    {
        var sources = new List<InputSource>();
        var seen = new HashSet<string>(PathComparer);
        foreach (var input in inputs)
        {
            if (input == StdinArgument)
            {
                if (seen.Add(StdinArgument))
                    sources.Add(new InputSource(InputSource.StdinPath, null));
            }
            else if (File.Exists(input))
            {
                // Named by the user, so a link is followed wherever it leads; it is still read once by its real path.
                var full = Path.GetFullPath(input);
                full = new FileInfo(full).LinkTarget is null ? full : ResolveFile(new FileInfo(full)) ?? full;
                if (seen.Add(full))
                    sources.Add(new InputSource(Display(input), full));
            }
            else if (Directory.Exists(input))
            {
                var prefix = Display(input);
                prefix = prefix.EndsWith('/') ? prefix : prefix + "/";
                var found = FindManifests(input, prefix, diagnostics);
                if (found.Count == 0)
                    diagnostics.Add(Diagnostic.Create(LoadDiagnostics.EmptyFolder, SourceSpan.None, Display(input)));
                foreach (var (relative, full) in found)
                {
                    // A link to a manifest of the same tree is that manifest: read once, named by its real path.
                    if (seen.Add(full))
                        sources.Add(new InputSource(prefix + relative, full));
                }
            }
            else
            {
                diagnostics.Add(Diagnostic.Create(LoadDiagnostics.InputNotFound, SourceSpan.None, Display(input)));
            }
        }

        return sources;
    }

    /// <summary>
    /// The text of a source, or null (with a diagnostic) when it cannot be used. Reads incrementally and stops past
    /// <paramref name="maxBytes"/>, whatever the file system says the size is: pipes, devices and standard input
    /// have none.
    /// </summary>
    public static string? Read(InputSource source, TextReader? stdin, List<Diagnostic> diagnostics, long maxBytes = LoadOptions.DefaultMaxInputBytes)
    {
        try
        {
            if (source.IsStdin)
            {
                var text = ReadBounded(stdin ?? Console.In, maxBytes);
                if (text is null)
                {
                    ReportTooLarge(source, maxBytes, diagnostics);
                    return null;
                }

                return CheckText(text, source.DisplayPath, diagnostics);
            }

            using var stream = new FileStream(source.FullPath!, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan); // not stdin, so a file path
            var bytes = ReadBounded(stream, maxBytes);
            if (bytes is null)
            {
                ReportTooLarge(source, maxBytes, diagnostics);
                return null;
            }

            return Decode(bytes, source.DisplayPath, diagnostics);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            diagnostics.Add(Diagnostic.Create(LoadDiagnostics.InputUnreadable, SourceSpan.None, source.DisplayPath, ex.Message.TrimEnd('.')));
            return null;
        }
    }

    private static void ReportTooLarge(InputSource source, long maxBytes, List<Diagnostic> diagnostics) =>
        diagnostics.Add(Diagnostic.Create(LoadDiagnostics.InputTooLarge, SourceSpan.At(source.DisplayPath, 1, 1),
            source.DisplayPath, maxBytes));

    /// <summary>All bytes of the stream, or null once more than <paramref name="maxBytes"/> arrive.</summary>
    private static byte[]? ReadBounded(Stream stream, long maxBytes)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[ChunkSize];
        while (true)
        {
            var wanted = (int)Math.Min(chunk.Length, maxBytes + 1 - buffer.Length);
            var read = stream.Read(chunk, 0, wanted);
            if (read == 0)
                return buffer.ToArray();
            buffer.Write(chunk, 0, read);
            if (buffer.Length > maxBytes)
                return null;
        }
    }

    /// <summary>All characters of the reader, or null once more than <paramref name="maxChars"/> arrive.</summary>
    private static string? ReadBounded(TextReader reader, long maxChars)
    {
        var text = new StringBuilder();
        var chunk = new char[ChunkSize];
        while (true)
        {
            var wanted = (int)Math.Min(chunk.Length, maxChars + 1 - text.Length);
            var read = reader.Read(chunk, 0, wanted);
            if (read == 0)
                return text.ToString();
            text.Append(chunk, 0, read);
            if (text.Length > maxChars)
                return null;
        }
    }

    /// <summary>Refuses text with NUL characters: that is a binary file, not YAML.</summary>
    public static string? CheckText(string text, string path, List<Diagnostic> diagnostics)
    {
        var nul = text.IndexOf('\0', StringComparison.Ordinal);
        if (nul >= 0)
        {
            diagnostics.Add(Diagnostic.Create(LoadDiagnostics.BinaryInput, SourceSpan.At(path, 1, 1), path, "a NUL character", nul));
            return null;
        }

        return text.StartsWith('\uFEFF') ? text[1..] : text;
    }

    private static string? Decode(byte[] bytes, string path, List<Diagnostic> diagnostics)
    {
        ReadOnlySpan<byte> span = bytes;
        if (span.StartsWith<byte>([0xFF, 0xFE]) || span.StartsWith<byte>([0xFE, 0xFF]))
            return DecodeUtf16(bytes, path, diagnostics);
        var bom = span.StartsWith<byte>([0xEF, 0xBB, 0xBF]) ? 3 : 0;
        span = span[bom..];
        var nul = span.IndexOf((byte)0);
        if (nul >= 0)
        {
            diagnostics.Add(Diagnostic.Create(LoadDiagnostics.BinaryInput, SourceSpan.At(path, 1, 1), path, "a NUL byte", nul + bom));
            return null;
        }

        if (!Utf8.IsValid(span))
        {
            diagnostics.Add(Diagnostic.Create(LoadDiagnostics.BinaryInput, SourceSpan.At(path, 1, 1), path,
                "bytes that are not UTF-8", FirstInvalidUtf8(span) + bom));
            return null;
        }

        return Encoding.UTF8.GetString(span);
    }

    private static string? DecodeUtf16(byte[] bytes, string path, List<Diagnostic> diagnostics)
    {
        var bigEndian = bytes[0] == 0xFE;
        var encoding = new UnicodeEncoding(bigEndian, byteOrderMark: false, throwOnInvalidBytes: true);
        try
        {
            return CheckText(encoding.GetString(bytes, 2, bytes.Length - 2), path, diagnostics);
        }
        catch (DecoderFallbackException ex)
        {
            diagnostics.Add(Diagnostic.Create(LoadDiagnostics.BinaryInput, SourceSpan.At(path, 1, 1), path,
                "bytes that are not UTF-16", Math.Max(ex.Index, 0) + 2));
            return null;
        }
    }

    private static int FirstInvalidUtf8(ReadOnlySpan<byte> bytes)
    {
        Span<char> buffer = stackalloc char[1024];
        var offset = 0;
        while (true)
        {
            var status = Utf8.ToUtf16(bytes[offset..], buffer, out var read, out _, replaceInvalidSequences: false);
            offset += read;
            if (status != OperationStatus.DestinationTooSmall)
                return offset;
        }
    }

    /// <summary>
    /// The manifests under <paramref name="folder"/> as (relative display path, real full path). Folders that cannot be
    /// listed are errors; links that leave the folder are refused; pipes, sockets and devices are skipped with a note.
    /// </summary>
    private static List<(string Relative, string Full)> FindManifests(string folder, string prefix, List<Diagnostic> diagnostics)
    {
        var found = new List<(string Relative, string Full)>();
        var options = new EnumerationOptions { IgnoreInaccessible = false, AttributesToSkip = 0, RecurseSubdirectories = false };
        var root = new DirectoryInfo(folder);
        var realRoot = Path.TrimEndingDirectorySeparator(root.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? root.FullName);
        var pending = new Stack<DirectoryInfo>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var directory = pending.Pop();
            FileSystemInfo[] entries;
            try
            {
                entries = [.. directory.EnumerateFileSystemInfos("*", options)];
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Security.SecurityException)
            {
                diagnostics.Add(Diagnostic.Create(LoadDiagnostics.InputUnreadable, SourceSpan.None,
                    prefix + Relative(root, directory.FullName), ex.Message.TrimEnd('.')));
                continue;
            }

            foreach (var entry in entries)
            {
                var relative = Relative(root, entry.FullName);
                if (entry.Name.StartsWith('.'))
                    continue; // dot-folders (.git, .terraform) and dot-files hold tool settings, not manifests
                if (entry is DirectoryInfo subfolder)
                {
                    // Linked folders are not followed (no cycles); one that leaves the input is refused.
                    if (subfolder.LinkTarget is null)
                        pending.Push(subfolder);
                    else if (!IsInside(realRoot, subfolder.ResolveLinkTarget(returnFinalTarget: true)?.FullName))
                        diagnostics.Add(Diagnostic.Create(LoadDiagnostics.LinkOutsideInput, SourceSpan.None, prefix + relative, Display(folder)));
                    continue;
                }

                if (!ManifestExtensions.Contains(Path.GetExtension(entry.Name)))
                    continue;
                var full = entry.FullName;
                if (entry.LinkTarget is not null)
                {
                    var target = ResolveFile(entry);
                    if (target is null)
                    {
                        diagnostics.Add(Diagnostic.Create(LoadDiagnostics.InputUnreadable, SourceSpan.None, prefix + relative,
                            "it is a symbolic link whose target does not exist"));
                        continue;
                    }

                    if (!IsInside(realRoot, target))
                    {
                        diagnostics.Add(Diagnostic.Create(LoadDiagnostics.LinkOutsideInput, SourceSpan.None, prefix + relative, Display(folder)));
                        continue;
                    }

                    full = target;
                    relative = Relative(new DirectoryInfo(realRoot), target);
                }

                if (!FileKind.IsRegular(full))
                {
                    diagnostics.Add(Diagnostic.Create(LoadDiagnostics.NotARegularFile, SourceSpan.None, prefix + relative));
                    continue;
                }

                found.Add((relative, full));
            }
        }

        found.Sort((a, b) => StringComparer.Ordinal.Compare(a.Relative, b.Relative));
        return found;
    }

    private static string? ResolveFile(FileSystemInfo link)
    {
        try
        {
            var target = link.ResolveLinkTarget(returnFinalTarget: true);
            return target is { Exists: true } ? Path.GetFullPath(target.FullName) : null;
        }
        catch (IOException)
        {
            return null; // a cycle of links
        }
    }

    private static bool IsInside(string realRoot, string? path) =>
        path is not null && Path.GetFullPath(path).StartsWith(realRoot + Path.DirectorySeparatorChar, PathComparison);

    private static StringComparison PathComparison =>
        OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    private static string Relative(DirectoryInfo root, string full) => Path.GetRelativePath(root.FullName, full).Replace('\\', '/');

    private static string Display(string input) => input.Replace('\\', '/');
}
