namespace PolicyCheck.Manifests;

/// <summary>How manifests are read.</summary>
/// <param name="DefaultNamespace">
/// The namespace of objects that name none in <c>metadata.namespace</c>, as <c>kubectl --namespace</c> would apply
/// them.
/// </param>
public sealed record LoadOptions(string DefaultNamespace = "default")
{
    public static LoadOptions Default { get; } = new();
}
