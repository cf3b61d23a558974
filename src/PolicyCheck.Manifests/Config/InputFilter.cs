using System.Collections.Immutable;
using PolicyCheck.Core.Diagnostics;
using PolicyCheck.Manifests.Input;

namespace PolicyCheck.Manifests.Config;

/// <summary>Applies a configuration's <c>ignore:</c> globs to the inputs before they are loaded.</summary>
public static class InputFilter
{
    /// <summary>
    /// <paramref name="inputs"/> without the files that match a glob, paths taken relative to
    /// <paramref name="baseFolder"/>. Folders are expanded as the loader would (so it reads the same files, in the
    /// same order, under the same display paths) and stand for their remaining files; <c>-</c> and paths that do not
    /// exist are passed through for the loader to read or report.
    /// </summary>
    public static ImmutableArray<string> Apply(IReadOnlyList<string> inputs, IReadOnlyList<PathGlob> globs, string baseFolder)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(globs);
        if (globs.Count == 0)
            return [.. inputs];
        var kept = ImmutableArray.CreateBuilder<string>();
        foreach (var input in inputs)
        {
            if (!Directory.Exists(input) && !File.Exists(input))
            {
                kept.Add(input);
                continue;
            }

            foreach (var source in InputReader.Expand([input], new List<Diagnostic>()))
            {
                var relative = source.FullPath is null ? null : Path.GetRelativePath(baseFolder, source.FullPath).Replace('\\', '/');
                if (relative is null || !globs.Any(g => g.IsMatch(relative)))
                    kept.Add(source.FullPath is null ? input : source.DisplayPath);
            }
        }

        return kept.ToImmutable();
    }
}
