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
}
