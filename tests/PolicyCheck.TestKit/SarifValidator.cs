using System.Collections.Immutable;
using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using NUnit.Framework;

namespace PolicyCheck.TestKit;

/// <summary>
/// Runs Microsoft's SARIF validator (npm <c>@microsoft/sarif-multitool</c>) on a log with the SARIF rules, the GitHub
/// Advanced Security rules and GitHub's ingestion rules GH1001–GH1007 switched on, and returns every error and
/// warning it reports. The tool exits 0 even on an invalid log, so this reads the SARIF log it writes instead. It is
/// found under <c>.tools/node_modules</c> or <c>node_modules</c> at the repository root (where <c>.ci/run</c>
/// installs it), else on PATH; when it is missing the calling test fails with <see cref="InstallCommand"/>.
/// </summary>
public static partial class SarifValidator
{
    public const string Package = "@microsoft/sarif-multitool@5.7.0";

    /// <summary>What to run from the repository root to install the validator where the tests look for it.</summary>
    public const string InstallCommand =
        "npm install --prefix .tools --no-save --no-audit --no-fund " + Package;

    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    /// <summary>
    /// GitHub's ingestion rules are off by default; this property-bag configuration (the multitool's JSON form of
    /// <c>--config</c>) makes each of them report errors. Keys are <c>ID.Name.Options</c>, as the tool names them.
    /// </summary>
    private static readonly (string Id, string Name)[] GitHubRules =
    [
        ("GH1001", "ProvideRequiredLocationProperties"),
        ("GH1002", "InlineThreadFlowLocations"),
        ("GH1003", "ProvideRequiredRegionProperties"),
        ("GH1004", "ReviewArraysThatExceedConfigurableDefaults"),
        ("GH1005", "LocationsMustBeRelativeUrisOrFilePaths"),
        ("GH1006", "ProvideCheckoutPath"),
        ("GH1007", "ProvideFullyFormattedMessageStrings"),
    ];

    /// <summary>Fails the calling test unless the validator reports nothing at level error or warning.</summary>
    public static void AssertValid(string sarif)
    {
        var problems = Validate(sarif);
        Assert.That(problems, Is.Empty, "sarif-multitool validate reported:" + Environment.NewLine +
            string.Join(Environment.NewLine, problems));
    }

    /// <summary>Every error and warning the validator reports on <paramref name="sarif"/>, as <c>level ID: message</c>.</summary>
    public static ImmutableArray<string> Validate(string sarif)
    {
        ArgumentNullException.ThrowIfNull(sarif);
        var tool = Locate();
        if (tool is null)
            Assert.Fail($"Microsoft's SARIF validator is not installed. From the repository root run: {InstallCommand}");

        var folder = Directory.CreateTempSubdirectory("policycheck-sarif-");
        try
        {
            var input = Path.Combine(folder.FullName, "input.sarif");
            var config = Path.Combine(folder.FullName, "github-rules.json");
            var output = Path.Combine(folder.FullName, "validation.sarif");
            File.WriteAllText(input, sarif);
            File.WriteAllText(config, JsonSerializer.Serialize(
                GitHubRules.ToDictionary(r => $"{r.Id}.{r.Name}.Options", _ => new { RuleEnabled = "Error" })));
            var (exitCode, console) = Run(tool!.Value, // Assert.Fail above throws when it is null
                ["validate", "--rule-kind", "Sarif;Ghas", "--config", config, "--output", output, input]);
            if (!File.Exists(output))
                return [$"error: sarif-multitool wrote no log (exit code {exitCode}): {console}"];
            return Problems(File.ReadAllText(output));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>Errors and warnings of a validation log: its results and its tool notifications.</summary>
    private static ImmutableArray<string> Problems(string validationLog)
    {
        using var document = JsonDocument.Parse(validationLog);
        var problems = ImmutableArray.CreateBuilder<string>();
        foreach (var run in Items(document.RootElement, "runs"))
        {
            var rules = run.TryGetProperty("tool", out var tool) && tool.TryGetProperty("driver", out var driver)
                ? Items(driver, "rules")
                : [];
            foreach (var result in Items(run, "results"))
            {
                // SARIF's default level of a result is warning.
                var level = Text(result, "level") ?? "warning";
                if (level is "error" or "warning")
                    problems.Add($"{level} {Text(result, "ruleId")}: {Message(result, rules)}");
            }

            foreach (var invocation in Items(run, "invocations"))
            {
                if (invocation.TryGetProperty("executionSuccessful", out var ok) && ok.ValueKind == JsonValueKind.False)
                    problems.Add("error: sarif-multitool did not complete its run.");
                foreach (var list in new[] { "toolExecutionNotifications", "toolConfigurationNotifications" })
                {
                    foreach (var notification in Items(invocation, list))
                    {
                        if ((Text(notification, "level") ?? "warning") is "error" or "warning")
                            problems.Add($"error {list}: {Message(notification, [])}");
                    }
                }
            }
        }

        return problems.ToImmutable();
    }

    /// <summary>The message text, or the rule's message string for its id with the arguments filled in.</summary>
    private static string Message(JsonElement result, JsonElement[] rules)
    {
        if (!result.TryGetProperty("message", out var message))
            return "(no message)";
        if (Text(message, "text") is { } text)
            return text;
        var id = Text(message, "id");
        var arguments = Items(message, "arguments").Select(a => a.GetString() ?? string.Empty).ToArray();
        var rule = rules.FirstOrDefault(r => Text(r, "id") == Text(result, "ruleId"));
        var format = rule.ValueKind == JsonValueKind.Object && rule.TryGetProperty("messageStrings", out var strings) &&
                     id is not null && strings.TryGetProperty(id, out var entry)
            ? Text(entry, "text")
            : null;
        return format is null
            ? $"{id} ({string.Join(", ", arguments)})"
            : Placeholder().Replace(format, m =>
                int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) is var i && i < arguments.Length
                    ? arguments[i]
                    : m.Value);
    }

    private static JsonElement[] Items(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var array) &&
        array.ValueKind == JsonValueKind.Array
            ? [.. array.EnumerateArray()]
            : [];

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) &&
        value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static (int ExitCode, string Console) Run((string Path, bool ThroughShell) tool, string[] arguments)
    {
        var start = new ProcessStartInfo(tool.Path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // npm's launcher script hands its arguments to a shell, which would split "Sarif;Ghas" at the ';'.
        foreach (var argument in arguments)
            start.ArgumentList.Add(tool.ThroughShell ? $"\"{argument}\"" : argument);
        // The tool is a .NET app; should a build of it need an older runtime than the one here, let it use ours.
        start.Environment["DOTNET_ROLL_FORWARD"] = "Major";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {tool.Path}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"sarif-multitool did not finish within {Timeout.TotalMinutes} minutes.");
        }

        return (process.ExitCode, stdout.Result + stderr.Result);
    }

    /// <summary>The validator's native executable, else npm's launcher (run through its shell), else null.</summary>
    private static (string Path, bool ThroughShell)? Locate()
    {
        var root = Snapshot.RepositoryRoot();
        foreach (var modules in new[] { Path.Combine(root, ".tools", "node_modules"), Path.Combine(root, "node_modules") })
        {
            if (Native(Path.Combine(modules, "@microsoft")) is { } native)
                return (native, false);
        }

        var launcherName = OperatingSystem.IsWindows() ? "sarif-multitool.cmd" : "sarif-multitool";
        foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator))
        {
            var launcher = Path.Combine(directory, launcherName);
            if (directory.Length == 0 || !File.Exists(launcher))
                continue;
            // A global npm install links bin/sarif-multitool to .../@microsoft/sarif-multitool/bin.js.
            var script = new FileInfo(launcher).ResolveLinkTarget(returnFinalTarget: true)?.FullName;
            var scope = script is null ? null : Path.GetDirectoryName(Path.GetDirectoryName(script));
            return scope is not null && Native(scope) is { } native ? (native, false) : (launcher, true);
        }

        return null;
    }

    private static string? Native(string scope)
    {
        var (platform, executable) =
            OperatingSystem.IsWindows() ? ("win32", "Sarif.Multitool.exe")
            : OperatingSystem.IsMacOS() ? ("darwin", "Sarif.Multitool")
            : ("linux", "Sarif.Multitool");
        var path = Path.Combine(scope, $"sarif-multitool-{platform}", executable);
        return File.Exists(path) ? path : null;
    }

    [GeneratedRegex(@"\{(\d+)\}")]
    private static partial Regex Placeholder();
}
