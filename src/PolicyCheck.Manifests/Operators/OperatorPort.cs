using PolicyCheck.Core.Model;

namespace PolicyCheck.Manifests.Operators;

/// <summary>
/// A container port an operator declares on the pods it creates. <paramref name="NameFrom"/> and
/// <paramref name="NumberFrom"/> are field paths of the custom resource that override the name or number when
/// written; <paramref name="When"/> is a field that must be set (not null or false) for the port to exist;
/// <paramref name="Unless"/> a boolean field that removes the port when true.
/// </summary>
public sealed record OperatorPort(
    string Name,
    int Number,
    Protocol Protocol,
    string? NameFrom,
    string? NumberFrom,
    string? When,
    string? Unless);
