using System.Runtime.Versioning;
using PolicyCheck.TestKit;

namespace PolicyCheck.Cli.Tests;

/// <summary>
/// Issue #12: a folder that cannot be listed is an input error (exit 2), named on stderr, and the rest of the input is
/// still evaluated. Permission bits do not stop root, and the tests usually run as root, so the built CLI runs as a
/// child process under the unprivileged user <c>nobody</c> (<c>setpriv</c>); as any other user it runs directly.
/// </summary>
[Parallelizable(ParallelScope.Fixtures)]
[Category(TestCategories.External)]
[Platform(Exclude = "Win")]
[UnsupportedOSPlatform("windows")]
public sealed class UnreadableFolderTests
{
    private const int Nobody = 65534;

    [Test]
    [CancelAfter(60_000)]
    public async Task FolderInsideTheInput_Unreadable_IsAnErrorAndTheRestIsEvaluated()
    {
        using var folder = ReadableTempFolder();
        folder.Write("web.yaml", Pod("web"));
        folder.Write("locked/db.yaml", Pod("db"));
        var locked = Path.Combine(folder.Root, "locked");
        File.SetUnixFileMode(locked, UnixFileMode.None);

        var (exitCode, output, error) = await RunAsync("matrix", folder.Root, "--no-config", "--format", "csv");
        File.SetUnixFileMode(locked, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute); // so it can be deleted

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exitCode, Is.EqualTo(2), error);
            Assert.That(error, Does.Contain("error PC0002").And.Contain("locked").And.Contain("cannot be read"));
            Assert.That(output, Does.StartWith("from,default/web,"), "the readable part is still evaluated");
            Assert.That(output, Does.Not.Contain("default/db"), "nothing under the unreadable folder is invented");
        }
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task FolderGivenAsInput_Unreadable_IsAnError()
    {
        using var folder = ReadableTempFolder();
        folder.Write("locked/db.yaml", Pod("db"));
        var locked = Path.Combine(folder.Root, "locked");
        File.SetUnixFileMode(locked, UnixFileMode.None);

        var (exitCode, _, error) = await RunAsync("matrix", locked, "--no-config");
        File.SetUnixFileMode(locked, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute); // so it can be deleted

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exitCode, Is.EqualTo(2), error);
            Assert.That(error, Does.Contain("error PC0002").And.Contain("cannot be read"));
        }
    }

    /// <summary>A temporary folder the unprivileged user can enter (temporary subfolders are made owner-only).</summary>
    private static TempFolder ReadableTempFolder()
    {
        Assume.That(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS(), "needs Unix permission bits");
        var folder = new TempFolder();
        File.SetUnixFileMode(folder.Root, (UnixFileMode)0b111_101_101); // rwxr-xr-x
        return folder;
    }

    private static async Task<CliRunner.Result> RunAsync(params string[] args)
    {
        var environment = new Dictionary<string, string> { ["HOME"] = Path.GetTempPath() }; // nobody's home does not exist
        if (Environment.UserName != "root")
            return await CliRunner.RunProcessAsync(args, environment);
        Assume.That(File.Exists("/usr/bin/setpriv"), "needs setpriv to drop root");
        string[] nobody = ["/usr/bin/setpriv", $"--reuid={Nobody}", $"--regid={Nobody}", "--clear-groups", "--"];
        var probe = await CliRunner.RunProcessAsync(["--version"], environment, nobody);
        Assume.That(probe.ExitCode, Is.Zero, "the user nobody cannot run the built CLI here");
        return await CliRunner.RunProcessAsync(args, environment, nobody);
    }

    private static string Pod(string name) => $$"""
        apiVersion: v1
        kind: Pod
        metadata:
          name: {{name}}
          namespace: default
          labels: {app: {{name}} }
        spec: {containers: [{name: c, image: x}]}

        """;
}
