namespace PolicyCheck.Core.Model;

/// <summary>A Service port; <paramref name="TargetPort"/> is <c>null</c> when not written (it then equals <paramref name="Port"/>).</summary>
public sealed record ServicePort(string? Name, Protocol Protocol, int Port, PortValue? TargetPort, int? NodePort, SourceSpan Span)
{
    public PortValue EffectiveTargetPort => TargetPort ?? PortValue.Of(Port);
}
