using PolicyCheck.Core.Selectors;

namespace PolicyCheck.Core.Model;

/// <summary>One entry of <c>from</c>/<c>to</c>. <c>null</c> means the field was not written.</summary>
public sealed record PolicyPeer(LabelSelector? PodSelector, LabelSelector? NamespaceSelector, IpBlock? IpBlock, SourceSpan Span);
