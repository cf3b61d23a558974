using System.Text;
using System.Text.RegularExpressions;

namespace PolicyCheck.Cli.Tests;

/// <summary>
/// One command shown in a <c>```console</c> block of README.md or docs/**/*.md, and the output shown under it.
/// <para>
/// The convention: a <c>```console</c> block holds runs. A run starts with a line <c>$ policycheck ARGS</c> (or
/// <c>$ dotnet run --project src/PolicyCheck.Cli -- ARGS</c>), run from the repository root, followed by the lines it
/// writes: standard output, then standard error. The next <c>$ </c> line or the end of the block ends it. A run
/// with no line under it is only run. The exit code must be 0, 1 or 2 (results, findings, incomplete input) unless
/// the command line ends with a comment <c># exit N</c>, which pins it; any other shell comment is dropped. ARGS are
/// split as a shell does with quotes, but pipes, redirections and variables are not allowed: a block meant as an
/// illustration is written <c>```sh</c> or <c>```text</c> instead, and is not run.
/// </para>
/// </summary>
/// <param name="File">The page, relative to the repository root, with '/'.</param>
/// <param name="Line">The 1-based line of the <c>$ </c> line.</param>
/// <param name="CommandLine">The <c>$ </c> line as written, without the <c>$ </c>.</param>
/// <param name="Ordinal">How many runs with the same <paramref name="CommandLine"/> come before this one in the page.</param>
/// <param name="Args">The arguments after <c>policycheck</c>; null when the line cannot be run (see <paramref name="Problem"/>).</param>
/// <param name="Shown">The lines shown under it, joined with '\n'; null when none are.</param>
/// <param name="Exit">The exit code a <c># exit N</c> comment pins.</param>
/// <param name="Indent">The indentation of the block's fence, which its lines share.</param>
public sealed partial record DocExample(
    string File, int Line, string CommandLine, int Ordinal, IReadOnlyList<string>? Args, string? Shown, int? Exit, string? Problem, string Indent)
{
    private const string Prefix = "policycheck ";
    private const string DotnetRunPrefix = "dotnet run --project src/PolicyCheck.Cli -- ";

    /// <summary>Every run in the <c>```console</c> blocks of <paramref name="text"/>, in order.</summary>
    public static List<DocExample> Read(string file, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        var runs = new List<DocExample>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < lines.Length; i++)
        {
            var fence = Fence().Match(lines[i]);
            if (!fence.Success)
                continue;
            var indent = fence.Groups[1].Value;
            var console = fence.Groups[2].Value == "console";
            var end = i + 1;
            while (end < lines.Length && lines[end].Trim() != "```")
                end++;
            if (console)
                runs.AddRange(Runs(file, lines, i + 1, end, indent, seen));
            i = end;
        }

        return runs;
    }

    /// <summary>The runs of one block, lines [first, end).</summary>
    private static IEnumerable<DocExample> Runs(string file, string[] lines, int first, int end, string indent, Dictionary<string, int> seen)
    {
        for (var i = first; i < end; i++)
        {
            var line = Unindent(lines[i], indent);
            if (!line.StartsWith("$ ", StringComparison.Ordinal))
            {
                yield return Invalid(file, i, line, indent, "a console block starts with a '$ policycheck …' line; text before it belongs outside the block");
                continue;
            }

            var command = line[2..];
            var output = new List<string>();
            var next = i + 1;
            while (next < end && !Unindent(lines[next], indent).StartsWith("$ ", StringComparison.Ordinal))
                output.Add(Unindent(lines[next++], indent));
            var ordinal = seen.GetValueOrDefault(command);
            seen[command] = ordinal + 1;
            var shown = output.Count == 0 ? null : string.Join('\n', output);
            yield return Parse(file, i + 1, command, ordinal, shown, indent);
            i = next - 1;
        }
    }

    private static DocExample Parse(string file, int line, string command, int ordinal, string? shown, string indent)
    {
        var rest = command.StartsWith(Prefix, StringComparison.Ordinal) ? command[Prefix.Length..]
            : command.StartsWith(DotnetRunPrefix, StringComparison.Ordinal) ? command[DotnetRunPrefix.Length..]
            : null;
        if (rest is null)
            return new DocExample(file, line, command, ordinal, null, shown, null, "only 'policycheck …' runs in a console block; show other commands in a ```sh block", indent);
        if (!TrySplit(rest, out var args, out var comment, out var problem))
            return new DocExample(file, line, command, ordinal, null, shown, null, problem, indent);
        int? exit = comment is not null && ExitComment().Match(comment) is { Success: true } pinned ? int.Parse(pinned.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : null;
        return new DocExample(file, line, command, ordinal, args, shown, exit, null, indent);
    }

    private static DocExample Invalid(string file, int index, string line, string indent, string problem) =>
        new(file, index + 1, line, 0, null, null, null, problem, indent);

    /// <summary>Splits as a POSIX shell does for words and quotes; the text after an unquoted '#' is the comment.</summary>
    private static bool TrySplit(string text, out List<string> args, out string? comment, out string? problem)
    {
        args = [];
        comment = null;
        problem = null;
        var word = new StringBuilder();
        var inWord = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '\'' or '"')
            {
                var close = text.IndexOf(c, i + 1);
                if (close < 0)
                {
                    problem = $"an unclosed {c} quote";
                    return false;
                }

                word.Append(text, i + 1, close - i - 1);
                inWord = true;
                i = close;
            }
            else if (char.IsWhiteSpace(c))
            {
                if (inWord)
                    args.Add(word.ToString());
                word.Clear();
                inWord = false;
            }
            else if (c == '#' && !inWord)
            {
                comment = text[(i + 1)..].Trim();
                break;
            }
            else if (c is '|' or '>' or '<' or ';' or '&' or '$' or '`' or '\\')
            {
                problem = $"'{c}' needs a shell; show this command in a ```sh block, which is not run";
                return false;
            }
            else
            {
                word.Append(c);
                inWord = true;
            }
        }

        if (inWord)
            args.Add(word.ToString());
        return true;
    }

    private static string Unindent(string line, string indent) =>
        line.StartsWith(indent, StringComparison.Ordinal) ? line[indent.Length..] : line.TrimStart();

    /// <summary>
    /// <paramref name="text"/> (a page) with the output shown under this run replaced by <paramref name="output"/>,
    /// for <c>POLICYCHECK_UPDATE_DOCS=1</c>; the run is found again by its command line and ordinal, so earlier
    /// rewrites of the same page that moved lines do not matter.
    /// </summary>
    public string Rewrite(string text, string output)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(output);
        var lines = text.ReplaceLineEndings("\n").Split('\n').ToList();
        var run = Read(File, text).First(r => r.CommandLine == CommandLine && r.Ordinal == Ordinal);
        var start = run.Line; // the 0-based index of the first output line
        var count = run.Shown is null ? 0 : run.Shown.Split('\n').Length;
        lines.RemoveRange(start, count);
        lines.InsertRange(start, output.TrimEnd('\n').Split('\n').Select(l => l.Length == 0 ? l : Indent + l));
        return string.Join('\n', lines);
    }

    public override string ToString() => $"{File}:{Line}: $ {CommandLine}";

    [GeneratedRegex(@"^(\s*)```(\w*)\s*$")]
    private static partial Regex Fence();

    [GeneratedRegex(@"^exits?\s+(\d+)\b")]
    private static partial Regex ExitComment();
}
