using System.Text;
using System.Text.RegularExpressions;

namespace PolicyCheck.Manifests.Input;

/// <summary>
/// An <c>ignore:</c> pattern, matched against '/'-separated paths relative to the configuration's folder: <c>*</c>
/// and <c>?</c> stay within one path segment, <c>**</c> spans segments, a pattern without '/' matches a name at any
/// depth, and one ending in '/' matches everything below that folder.
/// </summary>
public sealed class PathGlob
{
    private readonly Regex _regex;

    public PathGlob(string pattern)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pattern);
        Pattern = pattern;
        var text = pattern.Replace('\\', '/');
        if (text.StartsWith("./", StringComparison.Ordinal))
            text = text[2..];
        if (!text.TrimEnd('/').Contains('/', StringComparison.Ordinal))
            text = "**/" + text;
        if (text.EndsWith('/'))
            text += "**";
        _regex = new Regex("^" + Translate(text.TrimStart('/')) + "$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }

    public string Pattern { get; }

    public bool IsMatch(string relativePath)
    {
        ArgumentNullException.ThrowIfNull(relativePath);
        return _regex.IsMatch(relativePath.Replace('\\', '/'));
    }

    private static string Translate(string glob)
    {
        var regex = new StringBuilder();
        for (var i = 0; i < glob.Length; i++)
        {
            var c = glob[i];
            if (c == '*' && i + 1 < glob.Length && glob[i + 1] == '*')
            {
                i++;
                if (i + 1 < glob.Length && glob[i + 1] == '/')
                {
                    i++;
                    regex.Append("(?:.*/)?"); // '**/' is zero or more whole folders
                }
                else
                {
                    regex.Append(".*");
                }
            }
            else if (c == '*')
            {
                regex.Append("[^/]*");
            }
            else if (c == '?')
            {
                regex.Append("[^/]");
            }
            else
            {
                regex.Append(Regex.Escape(c.ToString()));
            }
        }

        return regex.ToString();
    }
}
