using System.Collections.Immutable;
using PolicyCheck.Core.Diagnostics;
using PolicyCheck.Core.Model;

namespace PolicyCheck.Lint.Settings;

/// <summary>
/// What a profile or configuration says about one rule; null means "not said here", so a later layer only changes
/// what it writes. <paramref name="Span"/> is where the rule's entry is, for messages.
/// </summary>
public sealed record RuleSettings(
    bool? Enabled,
    Severity? Severity,
    ImmutableDictionary<string, RuleParameterValue> Parameters,
    SourceSpan Span)
{
    public static RuleSettings Empty { get; } = new(null, null, ImmutableDictionary<string, RuleParameterValue>.Empty, SourceSpan.None);

    /// <summary><paramref name="over"/> laid on top of this: what it writes wins, parameters merge by name.</summary>
    public RuleSettings With(RuleSettings over)
    {
        ArgumentNullException.ThrowIfNull(over);
        return new RuleSettings(
            over.Enabled ?? Enabled,
            over.Severity ?? Severity,
            Parameters.SetItems(over.Parameters),
            over.Span.IsNone ? Span : over.Span);
    }
}
