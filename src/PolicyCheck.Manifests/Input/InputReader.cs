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

    /// <summary>Larger files are refused rather than read into memory.</summary>
    public const long MaxFileBytes = 256L * 1024 * 1024;

    private static readonly SearchValues<string> ManifestExtensions =
        SearchValues.Create([".yaml", ".yml", ".json"], StringComparison.OrdinalIgnoreCase);

    private static readonly StringComparer PathComparer =
        OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;

    /// <summary>
    /// The sources in order: each input in turn, a folder's manifests recursively in ordinal order of their paths,
    /// skipping folders whose name starts with a dot (<c>.git</c>). A file reached twice is read once.
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
                var full = Path.GetFullPath(input);
                if (seen.Add(full))
                    sources.Add(new InputSource(Display(input), full));
            }
            else if (Directory.Exists(input))
            {
                var found = FindManifests(input);
                if (found.Count == 0)
                    diagnostics.Add(Diagnostic.Create(LoadDiagnostics.EmptyFolder, SourceSpan.None, Display(input)));
                var prefix = Display(input);
                prefix = prefix.EndsWith('/') ? prefix : prefix + "/";
                foreach (var relative in found)
                {
                    var full = Path.GetFullPath(Path.Combine(input, relative));
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

    /// <summary>The text of a source, or null (with a diagnostic) when it cannot be used.</summary>
    public static string? Read(InputSource source, TextReader? stdin, List<Diagnostic> diagnostics)
    {
        try
        {
            if (source.IsStdin)
                return CheckText((stdin ?? Console.In).ReadToEnd(), source.DisplayPath, diagnostics);
            var length = new FileInfo(source.FullPath!).Length; // not stdin, so a file path
            if (length > MaxFileBytes)
            {
                diagnostics.Add(Diagnostic.Create(LoadDiagnostics.InputTooLarge, SourceSpan.At(source.DisplayPath, 1, 1),
                    source.DisplayPath, length, MaxFileBytes));
                return null;
            }

            return Decode(File.ReadAllBytes(source.FullPath!), source.DisplayPath, diagnostics);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            diagnostics.Add(Diagnostic.Create(LoadDiagnostics.InputUnreadable, SourceSpan.None, source.DisplayPath, ex.Message.TrimEnd('.')));
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

    private static List<string> FindManifests(string folder)
    {
        var found = new List<string>();
        var options = new EnumerationOptions { IgnoreInaccessible = true, AttributesToSkip = 0, RecurseSubdirectories = false };
        var pending = new Stack<DirectoryInfo>();
        var root = new DirectoryInfo(folder);
        pending.Push(root);
        while (pending.Count > 0)
        {
            foreach (var entry in pending.Pop().EnumerateFileSystemInfos("*", options))
            {
                if (entry is DirectoryInfo directory)
                {
                    // Dot-folders (.git, .terraform) hold no manifests; linked folders are not followed, so no cycles.
                    if (!directory.Name.StartsWith('.') && directory.LinkTarget is null)
                        pending.Push(directory);
                }
                else if (ManifestExtensions.Contains(Path.GetExtension(entry.Name)) &&
                         !string.Equals(entry.Name, Config.ConfigFile.FileName, StringComparison.Ordinal))
                {
                    // .policycheck.yaml configures the tool; it sits at the repository root, not among the manifests.
                    found.Add(Path.GetRelativePath(root.FullName, entry.FullName).Replace('\\', '/'));
                }
            }
        }

        found.Sort(StringComparer.Ordinal);
        return found;
    }

    private static string Display(string input) => input.Replace('\\', '/');
}
