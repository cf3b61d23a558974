using System.Runtime.CompilerServices;

namespace PolicyCheck.Reporting.Tests;

/// <summary>
/// Compares text with <c>Snapshots/&lt;Fixture&gt;.&lt;Test&gt;.verified.&lt;ext&gt;</c> beside this project. On a
/// mismatch it writes the actual text to <c>.received.&lt;ext&gt;</c> and fails; with <c>POLICYCHECK_ACCEPT=1</c> it
/// stores the actual text as verified instead. Line breaks are compared as LF.
/// </summary>
internal static class Snapshot
{
    public const string AcceptVariable = "POLICYCHECK_ACCEPT";

    public static void Match(string actual, string extension, [CallerFilePath] string callerFile = "")
    {
        ArgumentNullException.ThrowIfNull(actual);
        var test = TestContext.CurrentContext.Test;
        var fixture = test.ClassName?.Split('.')[^1] ?? throw new InvalidOperationException("Snapshots need a test fixture.");
        var directory = Path.Combine(ProjectDirectory(callerFile), "Snapshots");
        var stem = Path.Combine(directory, $"{fixture}.{test.MethodName}");
        var verified = $"{stem}.verified.{extension}";
        var received = $"{stem}.received.{extension}";

        var text = Normalize(actual);
        var expected = File.Exists(verified) ? Normalize(File.ReadAllText(verified)) : null;
        if (text == expected)
        {
            File.Delete(received);
            return;
        }

        Directory.CreateDirectory(directory);
        if (Environment.GetEnvironmentVariable(AcceptVariable) == "1")
        {
            File.WriteAllText(verified, text);
            File.Delete(received);
            return;
        }

        File.WriteAllText(received, text);
        Assert.That(
            text,
            Is.EqualTo(expected),
            expected is null
                ? $"No verified snapshot yet; review {received} and accept it with {AcceptVariable}=1."
                : $"Output differs from {verified}; see {received}, and accept with {AcceptVariable}=1 if it is right.");
    }

    private static string Normalize(string text) => text.ReplaceLineEndings("\n");

    /// <summary>The directory of the test project the calling source file belongs to.</summary>
    private static string ProjectDirectory(string callerFile)
    {
        foreach (var start in new[] { Path.GetDirectoryName(callerFile), AppContext.BaseDirectory })
        {
            for (var directory = start; !string.IsNullOrEmpty(directory); directory = Path.GetDirectoryName(directory))
            {
                if (File.Exists(Path.Combine(directory, "PolicyCheck.Reporting.Tests.csproj")))
                    return directory;
            }
        }

        throw new InvalidOperationException($"Cannot find the test project above '{callerFile}'.");
    }
}
