using System.Collections.Immutable;
using System.Globalization;
using PolicyCheck.Core.Model;

namespace PolicyCheck.Core.Diagnostics;

/// <summary>One load error, note or lint finding, at a source span; maps 1:1 to a SARIF result.</summary>
public sealed record Diagnostic(
    DiagnosticDescriptor Descriptor,
    SourceSpan Span,
    ImmutableArray<object?> Arguments,
    ImmutableArray<SourceSpan> Related)
{
    public static Diagnostic Create(DiagnosticDescriptor descriptor, SourceSpan span, params object?[] arguments) =>
        new(descriptor, span, [.. arguments], []);

    public string Id => Descriptor.Id;

    /// <summary>The severity a profile or configuration gave the rule; null keeps the descriptor's default.</summary>
    public Severity? SeverityOverride { get; init; }

    /// <summary>Set when an annotation or baseline suppresses the finding: it is still reported, but never fails a run.</summary>
    public DiagnosticSuppression? Suppression { get; init; }

    public bool IsSuppressed => Suppression is not null;

    /// <summary>The effective severity: the override when one is set, else the descriptor's default.</summary>
    public Severity Severity => SeverityOverride ?? Descriptor.DefaultSeverity;

    public string Message => string.Format(CultureInfo.InvariantCulture, Descriptor.MessageFormat, [.. Arguments]);

    /// <summary>Compiler style: <c>path:line:col: error PC0001: message</c>.</summary>
    public override string ToString()
    {
        var where = Span.IsNone ? string.Empty : $"{Span}: ";
        return $"{where}{Severity.ToString().ToLowerInvariant()} {Id}: {Message}";
    }
}
