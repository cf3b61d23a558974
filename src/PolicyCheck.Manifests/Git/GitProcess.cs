using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace PolicyCheck.Manifests.Git;

/// <summary>
/// Runs git with literal pathspecs, no prompts and the C locale. Cancelling kills the process and throws
/// <see cref="OperationCanceledException"/>; a git that cannot be started is reported, not thrown.
/// </summary>
internal static class GitProcess
{
    public static async Task<GitResult> RunAsync(string git, string workingDirectory, string[] arguments, CancellationToken cancellationToken)
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
        using (KillOnCancel(process, cancellationToken))
        {
            process.StandardInput.Close();
            var error = process.StandardError.ReadToEndAsync(cancellationToken);
            var output = await process.StandardOutput.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            return new GitResult(process.ExitCode, output, await error, NotInstalled: false);
        }
    }

    /// <exception cref="Win32Exception">git cannot be started.</exception>
    public static Process Start(string git, string workingDirectory, string[] arguments)
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

    /// <summary>Kills <paramref name="process"/> when <paramref name="cancellationToken"/> fires, until disposed.</summary>
    public static CancellationTokenRegistration KillOnCancel(Process process, CancellationToken cancellationToken) =>
        cancellationToken.Register(() => Kill(process));

    public static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (Exception ex) when (ex is InvalidOperationException or Win32Exception or NotSupportedException)
        {
            // It has exited already, or cannot be killed; either way there is nothing more to do.
        }
    }

    public static string FirstLine(string text)
    {
        var line = text.Trim().Split('\n')[0].Trim();
        return line.Length == 0 ? "git gave no reason" : line;
    }
}
