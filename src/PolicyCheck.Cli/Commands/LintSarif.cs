using System.Collections.Immutable;
using System.Globalization;
using System.Reflection;
using PolicyCheck.Lint;
using PolicyCheck.Manifests;
using PolicyCheck.Reporting.Lint;
using PolicyCheck.Reporting.Sarif;

namespace PolicyCheck.Cli.Commands;

/// <summary>
/// What the SARIF writer needs from a lint run: every rule of the catalogue and of the loader (PC0xxx), the
/// findings, the rules' security tags and severities (help text and descriptions are SarifMapping's defaults), and the repository root that artifact URIs are relative to
/// (the nearest folder with <c>.git</c> above the first input, else the working directory).
/// </summary>
internal static class LintSarif
{
    public const string AutomationId = "policycheck/lint";

    public static SarifInput Input(LintReport report, IReadOnlyList<string> paths)
    {
        var rules = RuleCatalog.All.Select(r => r.Descriptor).Concat(LoadDiagnostics.All).Append(Lint.Suppression.SuppressionDiagnostics.UnknownRuleInAnnotation).ToImmutableArray();
        var metadata = RuleCatalog.All
            .Where(r => !r.Metadata.Tags.IsDefaultOrEmpty || r.Metadata.SecuritySeverity is not null)
            .ToImmutableDictionary(
                r => r.Descriptor.Id,
                r => new SarifRuleMetadata(
                    r.Metadata.Tags.IsDefault ? [] : r.Metadata.Tags,
                    r.Metadata.SecuritySeverity?.ToString("0.0", CultureInfo.InvariantCulture)),
                StringComparer.Ordinal);
        return new SarifInput(
            rules,
            [.. report.Diagnostics.Select(SarifFinding.From)],
            ToolVersion(),
            RepositoryRoot(paths),
            AutomationId,
            metadata)
        {
            Plugin = report.Plugin,
        };
    }

    /// <summary>The semantic version of this build, without the source-revision suffix.</summary>
    private static string ToolVersion()
    {
        var version = typeof(LintSarif).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        var plus = version.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? version : version[..plus];
    }

    public static string RepositoryRoot(IReadOnlyList<string> paths)
    {
        var start = paths.FirstOrDefault(p => p != "-") is { } first ? Path.GetFullPath(first) : Directory.GetCurrentDirectory();
        for (var dir = File.Exists(start) ? Path.GetDirectoryName(start) : start; dir is not null; dir = Path.GetDirectoryName(dir))
        {
            if (Directory.Exists(Path.Combine(dir, ".git")) || File.Exists(Path.Combine(dir, ".git")))
                return dir;
        }

        return Directory.GetCurrentDirectory();
    }
}
