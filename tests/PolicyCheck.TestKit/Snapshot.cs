using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using NUnit.Framework;

namespace PolicyCheck.TestKit;

/// <summary>
/// Compares text with <c>Snapshots/&lt;Fixture&gt;.&lt;Test&gt;.verified.&lt;ext&gt;</c> beside the calling test file.
/// On a mismatch it writes <c>.received.&lt;ext&gt;</c> next to it and fails; with <c>POLICYCHECK_ACCEPT=1</c> it
/// accepts the received text instead. Newlines, the tool version and the repository path are normalised.
/// </summary>
public static partial class Snapshot
{
    public static void Match(string actual, string extension = "txt", [CallerFilePath] string callerFile = "")
    {
        ArgumentNullException.ThrowIfNull(actual);
        var test = TestContext.CurrentContext.Test;
        var fixture = test.ClassName?.Split('.')[^1] ?? "Unknown";
        var name = Sanitize(test.Name);
        var folder = Path.Combine(Path.GetDirectoryName(callerFile)!, "Snapshots"); // a caller file always has a folder
        var verified = Path.Combine(folder, $"{fixture}.{name}.verified.{extension}");
        var received = Path.Combine(folder, $"{fixture}.{name}.received.{extension}");
        var normalized = Normalize(actual);

        if (File.Exists(verified) && Normalize(File.ReadAllText(verified)) == normalized)
        {
            File.Delete(received);
            return;
        }

        Directory.CreateDirectory(folder);
        if (Environment.GetEnvironmentVariable("POLICYCHECK_ACCEPT") == "1")
        {
            File.WriteAllText(verified, normalized);
            File.Delete(received);
            return;
        }

        File.WriteAllText(received, normalized);
        Assert.Fail(File.Exists(verified)
            ? $"Snapshot differs from {verified}; see {received} (accept with POLICYCHECK_ACCEPT=1 after reviewing it)."
            : $"No snapshot yet: review {received} and accept it with POLICYCHECK_ACCEPT=1.");
    }

    /// <summary>The folder that holds PolicyCheck.sln, found upward from the test assembly.</summary>
    public static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "PolicyCheck.sln")))
            dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("PolicyCheck.sln not found above the test directory.");
    }

    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = text.Replace("\r\n", "\n", StringComparison.Ordinal);
        result = result.Replace(RepositoryRoot().Replace('\\', '/') + "/", string.Empty, StringComparison.Ordinal);
        result = VersionPattern().Replace(result, "$1<version>");
        return result.TrimEnd('\n') + "\n";
    }

    private static string Sanitize(string name) =>
        string.Concat(name.Select(c => char.IsLetterOrDigit(c) || c is '_' or '-' ? c : '_'));

    [GeneratedRegex(@"(policycheck[/ ]|""version"":\s*"")\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.+-]*)?")]
    private static partial Regex VersionPattern();
}
