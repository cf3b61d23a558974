using System.Text;
using PolicyCheck.TestKit;

namespace PolicyCheck.Cli.Tests;

/// <summary>
/// Issue #12: a reader that closes standard output early (<c>policycheck matrix … | head -1</c>) is reported in one
/// line with a non-zero exit code other than 10, like a full disk. Runs the built CLI as a child process, since only
/// a real pipe on descriptor 1 shows what the .NET console does with a broken pipe.
/// </summary>
[Parallelizable(ParallelScope.Fixtures)]
[Category(TestCategories.External)]
public sealed class ClosedOutputTests
{
    /// <summary>150 pods give a CSV matrix of about 96 KB, more than a Linux pipe buffer (64 KiB) holds.</summary>
    private const int PodCount = 150;

    [Test]
    [CancelAfter(60_000)]
    public async Task Stdout_ReaderClosesAfterFirstLine_IsOneLineAndExit3()
    {
        Assume.That(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS(), "a broken pipe is EPIPE on Unix");
        using var folder = new TempFolder();
        folder.Write("pods.yaml", ManyPods(PodCount));

        using var process = CliRunner.StartProcess(["matrix", folder.Root, "--no-config", "--format", "csv"]);
        var error = process.StandardError.ReadToEndAsync();
        var firstLine = await process.StandardOutput.ReadLineAsync();
        process.StandardOutput.Close();
        await process.WaitForExitAsync();
        var stderr = await error;

        Assert.That(firstLine, Does.StartWith("from,default/pod-0000,"), "the first line was written before the pipe closed");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(process.ExitCode, Is.EqualTo(3), stderr);
            Assert.That(stderr.TrimEnd('\n').Split('\n'), Is.EqualTo(new[] { "policycheck: cannot write to standard output: Broken pipe" }));
        }
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task Stdout_ReadToTheEnd_IsWholeUtf8WithoutBomAndExit0()
    {
        using var folder = new TempFolder();
        folder.Write("pods.yaml", ManyPods(PodCount));

        using var process = CliRunner.StartProcess(["matrix", folder.Root, "--no-config", "--format", "csv"]);
        var error = process.StandardError.ReadToEndAsync();
        using var bytes = new MemoryStream();
        await process.StandardOutput.BaseStream.CopyToAsync(bytes);
        await process.WaitForExitAsync();

        var text = bytes.ToArray();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(process.ExitCode, Is.Zero, await error);
            Assert.That(text.Take(3), Is.Not.EqualTo(new byte[] { 0xEF, 0xBB, 0xBF }), "no byte order mark");
            // A header line plus one line per pod and one per outside subject (IPv4 and IPv6: no ipBlock cuts them).
            Assert.That(Encoding.UTF8.GetString(text).TrimEnd('\n').Split('\n'), Has.Length.EqualTo(PodCount + 3));
        }
    }

    private static string ManyPods(int count)
    {
        var text = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            text.Append(FormattableString.Invariant($$"""
                ---
                apiVersion: v1
                kind: Pod
                metadata:
                  name: pod-{{i:0000}}
                  namespace: default
                  labels: {app: a{{i}} }
                spec: {containers: [{name: c, image: x, ports: [{containerPort: 80}]}]}

                """));
        }

        return text.ToString();
    }
}
