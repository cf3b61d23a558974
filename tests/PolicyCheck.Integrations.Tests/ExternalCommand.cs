using System.Diagnostics;

namespace PolicyCheck.Integrations.Tests;

/// <summary>Runs a program to completion with captured output; the test fails if it does not end in time.</summary>
internal static class ExternalCommand
{
    public sealed record Result(int ExitCode, string Output, string Error)
    {
        /// <summary>Both streams, for assertion messages.</summary>
        public override string ToString() => $"exit code {ExitCode}\n--- stdout\n{Output}\n--- stderr\n{Error}";
    }

    /// <summary>
    /// Variables <c>dotnet test</c> puts into the test host that would make a nested <c>dotnet</c> use the test run's
    /// MSBuild instead of resolving its own.
    /// </summary>
    private static readonly string[] InheritedBuildVariables =
        ["MSBUILD_EXE_PATH", "MSBuildExtensionsPath", "MSBuildSDKsPath", "MSBuildLoadMicrosoftTargetsReadOnly"];

    public static async Task<Result> RunAsync(
        string program,
        IEnumerable<string> arguments,
        string workingDirectory,
        TimeSpan timeout,
        IReadOnlyDictionary<string, string?>? environment = null)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        foreach (var name in InheritedBuildVariables)
            start.Environment.Remove(name);
        // Build servers and reused MSBuild nodes would outlive the command and hold its output pipes open.
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_DO_NOT_USE_MSBUILD_SERVER"] = "1";
        start.Environment["UseSharedCompilation"] = "false";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["NO_COLOR"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
                start.Environment.Remove(name);
            else
                start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start '{program}'.");
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"'{program} {string.Join(' ', start.ArgumentList)}' did not finish within {timeout}.");
        }

        return new Result(process.ExitCode, await output, await error);
    }

    /// <summary>Runs <paramref name="program"/> and fails the test with its output unless it exits with 0.</summary>
    public static async Task<Result> RunCheckedAsync(
        string program,
        IEnumerable<string> arguments,
        string workingDirectory,
        TimeSpan timeout,
        IReadOnlyDictionary<string, string?>? environment = null)
    {
        var result = await RunAsync(program, arguments, workingDirectory, timeout, environment);
        Assert.That(result.ExitCode, Is.Zero, $"'{program} {string.Join(' ', arguments)}' failed: {result}");
        return result;
    }
}
