namespace PolicyCheck.Core.Model;

/// <summary>A container port of a pod (template); <paramref name="Name"/> is what named policy ports refer to.</summary>
public readonly record struct ContainerPort(string? Name, int Number, Protocol Protocol, SourceSpan Span);
