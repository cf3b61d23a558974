using System.Text;

namespace PolicyCheck.Cli.Commands;

/// <summary>Writes a result to --output (atomically, via a temporary file) or to standard output.</summary>
internal static class OutputFile
{
    public static async Task<bool> WriteAsync(string? path, Terminal terminal, Action<TextWriter> write, CancellationToken cancellationToken)
    {
        if (path is null)
        {
            write(terminal.Output);
            await terminal.Output.FlushAsync(cancellationToken);
            return true;
        }

        var temporary = path + ".tmp";
        try
        {
            await using (var writer = new StreamWriter(temporary, append: false, new UTF8Encoding(false)))
                write(writer);
            File.Move(temporary, path, overwrite: true);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            terminal.Error.WriteLine($"policycheck: cannot write '{path}': {ex.Message}");
            TryDelete(temporary);
            return false;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Best effort: the error about the real file was already reported.
        }
    }
}
