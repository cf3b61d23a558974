using System.Text;

namespace PolicyCheck.Cli.Commands;

/// <summary>
/// Writes a result to --output-file or to standard output. The file is written in place (not via a temporary file and a
/// rename), so device paths such as /dev/null and named pipes work as targets. When the result cannot be written, it
/// says so in one line and returns false; the command then exits with <see cref="ExitCode.UsageError"/>.
/// </summary>
internal static class OutputFile
{
    public static async Task<bool> WriteAsync(string? path, Terminal terminal, Action<TextWriter> write, CancellationToken cancellationToken)
    {
        if (path is null)
        {
            // A full disk behind a redirected stdout (or /dev/full) fails here, and so does a pipe whose reader has
            // gone (`| head -1`): Terminal.FromConsole writes a pipe through its descriptor, which reports EPIPE.
            try
            {
                write(terminal.Output);
                await terminal.Output.FlushAsync(cancellationToken);
                return true;
            }
            catch (IOException ex)
            {
                terminal.Error.WriteLine($"policycheck: cannot write to standard output: {ex.Message}");
                return false;
            }
        }

        try
        {
            await using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false));
            write(writer);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            terminal.Error.WriteLine($"policycheck: cannot write '{path}': {ex.Message}");
            return false;
        }
    }
}
