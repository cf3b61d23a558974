namespace PolicyCheck.Core.Model;

/// <summary>
/// One entry of a rule's <c>ports</c>. <paramref name="Protocol"/> is <c>null</c> when not written (TCP applies);
/// <paramref name="Port"/> is <c>null</c> when not written (every port of the protocol).
/// </summary>
public sealed record PolicyPort(Protocol? Protocol, PortValue? Port, int? EndPort, SourceSpan Span)
{
    /// <summary>The protocol the API server defaults to when none is written.</summary>
    public Protocol EffectiveProtocol => Protocol ?? Model.Protocol.Tcp;
}
