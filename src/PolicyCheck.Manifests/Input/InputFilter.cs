using System.Collections.Immutable;

namespace PolicyCheck.Manifests.Input;

/// <summary>
/// A configuration's <c>ignore:</c> globs, applied to a command's inputs before they are loaded. Paths are matched
/// relative to the configuration's folder.
/// </summary>
public sealed class InputFilter
{
    public InputFilter(IEnumerable<PathGlob> globs, string baseFolder, string source)
    {
        ArgumentNullException.ThrowIfNull(globs);
        ArgumentException.ThrowIfNullOrEmpty(baseFolder);
        ArgumentException.ThrowIfNullOrEmpty(source);
        Globs = [.. globs];
        BaseFolder = Path.GetFullPath(baseFolder);
        Source = source;
    }

    public ImmutableArray<PathGlob> Globs { get; }

    /// <summary>The folder the globs are relative to: the configuration's.</summary>
    public string BaseFolder { get; }

    /// <summary>The configuration file as messages name it.</summary>
    public string Source { get; }

    /// <summary>
    /// <paramref name="inputs"/> without the files that match a glob. Folders are expanded as the loader would (so
    /// it reads the same files, in the same order, under the same display paths) and stand for their remaining
    /// files; <c>-</c> and paths that do not exist are passed through for the loader to read or report. A file named
    /// as an input is ignored too, as a folder's file would be, but it is noted, and so is a folder that had
    /// manifests of which none is left.
    /// </summary>
    /// <param name="workTreePath">
    /// Where a loaded file stands in the work tree, when the inputs are a copy elsewhere (the files of a git ref in a
    /// temporary folder); null when they are the files themselves.
    /// </param>
    public InputFilterResult Apply(IReadOnlyList<string> inputs, Func<string, string>? workTreePath = null)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        if (Globs.IsEmpty)
            return new InputFilterResult([.. inputs], []);
        var kept = ImmutableArray.CreateBuilder<string>();
        var notes = ImmutableArray.CreateBuilder<InputFilterNote>();
        foreach (var input in inputs)
        {
            if (!Directory.Exists(input) && !File.Exists(input))
            {
                kept.Add(input);
                continue;
            }

            var sources = InputReader.Expand([input], []);
            PathGlob? lastMatch = null;
            var keptHere = 0;
            foreach (var source in sources)
            {
                if (source.FullPath is null || Match(workTreePath is null ? source.FullPath : workTreePath(source.FullPath)) is not { } glob)
                {
                    kept.Add(source.FullPath is null ? input : source.DisplayPath);
                    keptHere++;
                }
                else
                {
                    lastMatch = glob;
                }
            }

            if (keptHere == 0 && lastMatch is not null)
                notes.Add(new InputFilterNote(input, lastMatch.Pattern, IsFolder: Directory.Exists(input)));
        }

        return new InputFilterResult(kept.ToImmutable(), notes.ToImmutable());
    }

    private PathGlob? Match(string fullPath)
    {
        var relative = Path.GetRelativePath(BaseFolder, fullPath).Replace('\\', '/');
        if (relative == ".." || relative.StartsWith("../", StringComparison.Ordinal) || Path.IsPathRooted(relative))
            return null; // outside the configuration's folder: no glob relative to it names this file
        return Globs.FirstOrDefault(g => g.IsMatch(relative));
    }
}
