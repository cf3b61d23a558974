using System.Diagnostics;
using PolicyCheck.TestKit;

namespace PolicyCheck.Cli.Tests;

/// <summary>Runs the real command line in-process with captured streams.</summary>
internal static class CliRunner
{
    public sealed record Result(int ExitCode, string Output, string Error);

    public static async Task<Result> RunWithInputAsync(string stdin, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        using var input = new StringReader(stdin);
        var code = await CliApp.RunAsync(args, Terminal.Plain(output, error, input));
        return new Result(code, output.ToString(), error.ToString());
    }

    public static Task<Result> RunAsync(params string[] args) => RunWithInputAsync(string.Empty, args);

    public static string Example(string name) => Path.Combine(Snapshot.RepositoryRoot(), "examples", name);

    /// <summary>
    /// Starts the built CLI as a child process, for what only a real process shows (pipes, the environment, another
    /// user): standard input closed, <c>NO_COLOR</c> set, plus <paramref name="environment"/>; <paramref name="prefix"/>
    /// runs it under another command (<c>setpriv …</c>).
    /// </summary>
    public static Process StartProcess(IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null, IReadOnlyList<string>? prefix = null)
    {
        // dotnet test names the dotnet that runs it; a plain "dotnet" from PATH otherwise. The CLI's build output is
        // copied next to the tests (a project reference to an executable).
        string[] command = [.. prefix ?? [], Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet",
            Path.Combine(AppContext.BaseDirectory, "policycheck.dll"), .. args];
        var start = new ProcessStartInfo(command[0])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var arg in command.Skip(1))
            start.ArgumentList.Add(arg);
        start.Environment["NO_COLOR"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
            start.Environment[name] = value;
        var process = Process.Start(start)!; // Process.Start with a file name throws rather than return null
        process.StandardInput.Close();
        return process;
    }

    /// <summary><see cref="StartProcess"/> to the end: exit code, standard output (line ends as \n) and standard error.</summary>
    public static async Task<Result> RunProcessAsync(IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null, IReadOnlyList<string>? prefix = null)
    {
        using var process = StartProcess(args, environment, prefix);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return new Result(process.ExitCode, (await output).ReplaceLineEndings("\n"), await error);
    }
}
