using PolicyCheck.TestKit;

namespace PolicyCheck.Cli.Tests;

/// <summary>
/// Issue #12: an input file that cannot be read is an input error (exit 2), and a diagnostic on stderr shows control
/// characters of a file name as visible escapes. The tests run as root here, where permission bits cannot make a file
/// unreadable; /proc/self/mem can never be read from offset 0 (EIO), whoever asks.
/// </summary>
[Parallelizable(ParallelScope.Fixtures)]
public sealed class HostileInputStreamTests
{
    [Test]
    public async Task UnreadableFile_IsAnInputErrorNotSkippedSilently()
    {
        Assume.That(OperatingSystem.IsLinux() && File.Exists("/proc/self/mem"), "needs Linux procfs");

        var result = await CliRunner.RunAsync("matrix", "/proc/self/mem", "--no-config");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.EqualTo(2), result.Error);
            Assert.That(result.Error, Does.Contain("error PC0002: Input '/proc/self/mem' cannot be read"));
        }
    }

    [Test]
    public async Task Diagnostic_EscapeSequenceInFileName_IsShownEscapedOnStderr()
    {
        Assume.That(!OperatingSystem.IsWindows(), "Windows file names cannot hold control characters");
        var folder = TempFolder.Scratch();
        File.WriteAllText(Path.Combine(folder, "bad\u001b[2J.yaml"), "kind: [\n");

        var result = await CliRunner.RunAsync("matrix", folder, "--no-config");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.EqualTo(2), result.Error);
            Assert.That(result.Error.Contains('\u001b'), Is.False, "ordinal: culture comparison ignores control characters");
            Assert.That(result.Error, Does.Contain(@"bad\u001b[2J.yaml:2:1: error PC0007"));
        }
    }
}
