using PolicyCheck.Core.Model;

namespace PolicyCheck.Reporting.Explain;

/// <summary>One line of an explanation: its depth (0 = the flow), where it comes from, and what it says.</summary>
internal sealed record OutlineLine(int Depth, SourceSpan Span, string Text, OutlineTone Tone = OutlineTone.Neutral);
