using System.Collections.Immutable;
using PolicyCheck.Core.Diagnostics;
using PolicyCheck.Core.Model;
using PolicyCheck.Lint;
using PolicyCheck.Lint.Settings;
using PolicyCheck.Config;

namespace PolicyCheck.Cli.Configuration;

/// <summary>
/// Finds a profile by shipped name (embedded from <c>policies/</c>) or file path, follows <c>extends:</c> and layers
/// the rule settings, base first.
/// </summary>
internal static class ProfileLoader
{
    public const string DefaultProfile = "baseline";
    private const string ResourcePrefix = "policies/";
    private const int MaxDepth = 16;

    /// <summary>The names of the shipped profiles, sorted.</summary>
    public static ImmutableArray<string> ShippedNames { get; } =
    [
        .. typeof(ProfileLoader).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".yaml", StringComparison.Ordinal))
            .Select(n => n[ResourcePrefix.Length..^".yaml".Length])
            .Order(StringComparer.Ordinal),
    ];

    public static IReadOnlySet<string> RuleIds { get; } = RuleCatalog.All.Select(r => r.Descriptor.Id).ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// The settings of profile <paramref name="reference"/> (a shipped name or a path, relative to
    /// <paramref name="baseFolder"/>), or null with the errors; <paramref name="at"/> is where it was named.
    /// </summary>
    public static LintSettings? Load(string reference, string baseFolder, SourceSpan at, List<SettingsError> errors) =>
        Load(reference, baseFolder, at, errors, []);

    /// <summary>The text of a shipped profile, or null.</summary>
    public static string? ShippedText(string name)
    {
        using var stream = typeof(ProfileLoader).Assembly.GetManifestResourceStream(ResourcePrefix + name + ".yaml");
        if (stream is null)
            return null;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Rule entries as Lint settings, keyed by rule ID.</summary>
    public static LintSettings ToSettings(IEnumerable<RuleEntry> rules)
    {
        var settings = ImmutableDictionary.CreateBuilder<string, RuleSettings>(StringComparer.Ordinal);
        foreach (var rule in rules)
        {
            var parameters = rule.Parameters.ToImmutableDictionary(
                p => p.Name,
                p => p.Value.IsList
                    ? RuleParameterValue.List(p.Value.Items.Select(i => (i.Text, i.Span)), p.Value.Span)
                    : new RuleParameterValue([p.Value.Items[0].Text], [p.Value.Items[0].Span], false, p.Value.Span),
                StringComparer.Ordinal);
            settings[rule.RuleId] = new RuleSettings(rule.Enabled, rule.Severity, parameters, rule.Span);
        }

        return new LintSettings(settings.ToImmutable());
    }

    private static LintSettings? Load(string reference, string baseFolder, SourceSpan at, List<SettingsError> errors, List<string> chain)
    {
        string? text;
        string path;
        if (IsName(reference) && ShippedText(reference) is { } shipped)
        {
            (text, path) = (shipped, $"{ResourcePrefix}{reference}.yaml");
        }
        else
        {
            path = Path.GetFullPath(Path.Combine(baseFolder, reference));
            text = File.Exists(path) ? Read(path, at, errors) : null;
            if (text is null)
            {
                if (!File.Exists(path))
                    errors.Add(new SettingsError(at, $"Profile '{reference}' is neither a shipped profile ({string.Join(", ", ShippedNames)}) nor a file."));
                return null;
            }
        }

        if (chain.Contains(path, StringComparer.Ordinal) || chain.Count >= MaxDepth)
        {
            errors.Add(new SettingsError(at, $"Profile '{reference}' extends itself through {string.Join(" -> ", chain.Append(path))}."));
            return null;
        }

        var profile = ConfigReader.ReadProfile(text, path, RuleIds, out var profileErrors);
        errors.AddRange(profileErrors);
        if (profile is null)
            return null;
        var own = ToSettings(profile.Rules);
        if (profile.Extends is not { } extends)
            return LintSettings.Default.With(own);
        var folder = path.StartsWith(ResourcePrefix, StringComparison.Ordinal) ? baseFolder : Path.GetDirectoryName(path)!; // a full path has a folder
        var baseSettings = Load(extends.Text, folder, extends.Span, errors, [.. chain, path]);
        return baseSettings?.With(own);
    }

    private static bool IsName(string reference) =>
        reference.Length > 0 && !reference.Contains('/', StringComparison.Ordinal) && !reference.Contains('\\', StringComparison.Ordinal) &&
        !reference.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) && !reference.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);

    private static string? Read(string path, SourceSpan at, List<SettingsError> errors)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            errors.Add(new SettingsError(at, $"Profile '{path}' cannot be read: {ex.Message}"));
            return null;
        }
    }
}
