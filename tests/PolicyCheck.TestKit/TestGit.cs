using System.Diagnostics;
using NUnit.Framework;

namespace PolicyCheck.TestKit;

/// <summary>Runs git for tests that build small repositories, with a fixed identity and no signing.</summary>
public static class TestGit
{
    /// <summary>Runs <c>git ARGS</c> in <paramref name="folder"/>; fails the test when git exits non-zero. Returns stdout.</summary>
    public static string Run(string folder, params string[] args)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in (string[])["-c", "user.name=t", "-c", "user.email=t@example.org", "-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main", .. args])
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!; // git is installed wherever these tests run (CONTRIBUTING.md)
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.That(process.ExitCode, Is.Zero, () => $"git {string.Join(' ', args)}: {error.GetAwaiter().GetResult()}");
        return output;
    }
}
