using System.Collections.Immutable;
using PolicyCheck.Core.Diagnostics;

namespace PolicyCheck.Lint.Settings;

/// <summary>
/// The rule settings a lint run uses, by rule ID, after profiles and configuration are layered. A rule not listed
/// runs with its defaults.
/// </summary>
public sealed record LintSettings(ImmutableDictionary<string, RuleSettings> Rules)
{
    public static LintSettings Default { get; } = new(ImmutableDictionary<string, RuleSettings>.Empty.WithComparers(StringComparer.Ordinal));

    public RuleSettings For(string ruleId) => Rules.GetValueOrDefault(ruleId) ?? RuleSettings.Empty;

    public bool IsEnabled(string ruleId) => For(ruleId).Enabled != false;

    /// <summary>These settings with <paramref name="over"/> on top, rule by rule.</summary>
    public LintSettings With(LintSettings over)
    {
        ArgumentNullException.ThrowIfNull(over);
        var rules = Rules;
        foreach (var (id, settings) in over.Rules)
            rules = rules.SetItem(id, For(id).With(settings));
        return new LintSettings(rules);
    }

    /// <summary>
    /// Every rule ID that is not in <paramref name="rules"/>, every parameter a rule does not declare and every value
    /// its parameter cannot read, each at the place it was written.
    /// </summary>
    public ImmutableArray<SettingsError> Validate(IEnumerable<LintRule> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var byId = rules.ToDictionary(r => r.Descriptor.Id, StringComparer.Ordinal);
        var errors = ImmutableArray.CreateBuilder<SettingsError>();
        foreach (var (id, settings) in Rules.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            if (!byId.TryGetValue(id, out var rule))
            {
                errors.Add(new SettingsError(settings.Span, $"Rule '{id}' is not in the catalogue; 'policycheck rules' lists the rule IDs."));
                continue;
            }

            foreach (var (name, value) in settings.Parameters.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                var parameter = rule.Parameters.FirstOrDefault(p => p.Name == name);
                if (parameter is null)
                {
                    var known = rule.Parameters.IsEmpty ? "it has none" : "use " + string.Join(", ", rule.Parameters.Select(p => $"'{p.Name}'"));
                    errors.Add(new SettingsError(value.Span, $"Rule {id} has no parameter '{name}'; {known}."));
                }
                else if (parameter.Check(value) is { } error)
                {
                    errors.Add(error);
                }
            }
        }

        return errors.ToImmutable();
    }
}
