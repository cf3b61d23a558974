namespace PolicyCheck.Core.Model;

/// <summary>A Service port; <paramref name="TargetPort"/> is <c>null</c> when not written (it then equals <paramref name="Port"/>).</summary>
/// <param name="TargetPortSpan">Where <c>targetPort</c> is written, key to value; null when absent.</param>
/// <param name="NodePortSpan">Where <c>nodePort</c> is written, key to value; null when absent.</param>
/// <param name="PortSpan">Where <c>port</c> is written, key to value; null when absent or not known.</param>
public sealed record ServicePort(
    string? Name,
    Protocol Protocol,
    int Port,
    PortValue? TargetPort,
    int? NodePort,
    SourceSpan Span,
    SourceSpan? TargetPortSpan = null,
    SourceSpan? NodePortSpan = null,
    SourceSpan? PortSpan = null)
{
    public PortValue EffectiveTargetPort => TargetPort ?? PortValue.Of(Port);
}
