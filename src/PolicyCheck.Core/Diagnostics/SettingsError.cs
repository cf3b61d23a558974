using PolicyCheck.Core.Model;

namespace PolicyCheck.Core.Diagnostics;

/// <summary>A problem in a profile or configuration, at the place it was written.</summary>
public sealed record SettingsError(SourceSpan Span, string Message)
{
    /// <summary>Compiler style: <c>path:line:col: error: message</c>.</summary>
    public override string ToString() => Span.IsNone ? $"error: {Message}" : $"{Span}: error: {Message}";
}
