using PolicyCheck.Core.Diagnostics;
using PolicyCheck.Core.Model;

namespace PolicyCheck.Lint.Settings;

/// <summary>A <see cref="RuleParameter"/> whose value reads as <typeparamref name="T"/>.</summary>
public abstract class RuleParameter<T> : RuleParameter
{
    protected RuleParameter(string name, string description, T defaultValue)
        : base(name, description)
    {
        Default = defaultValue;
    }

    public T Default { get; }

    /// <summary>The value, or false with the error at the offending item.</summary>
    public abstract bool TryRead(RuleParameterValue value, out T result, out SettingsError? error);

    public override SettingsError? Check(RuleParameterValue value)
    {
        TryRead(value, out _, out var error);
        return error;
    }

    protected SettingsError Error(SourceSpan span, string message) => new(span, message);
}
