namespace PolicyCheck.Core.Model;

/// <summary>
/// An object of a kind PolicyCheck does not model, kept so findings can say what they may be missing: a custom
/// resource whose operator may create pods, or a policy kind whose rules are not evaluated.
/// </summary>
/// <param name="Group">The API group of its <c>apiVersion</c> (never empty: core kinds are not custom resources).</param>
/// <param name="Namespace">Its namespace; empty for the cluster-wide policy kinds.</param>
public sealed record CustomResource(string Kind, string Group, string Namespace, string Name, SourceSpan Span)
{
    /// <summary>The kind with its group, as <c>kubectl</c> names a resource type: <c>CiliumNetworkPolicy.cilium.io</c>.</summary>
    public string QualifiedKind => $"{Kind}.{Group}";

    /// <summary><c>ns/name</c>, or the name alone for a cluster-wide object.</summary>
    public string Id => Namespace.Length == 0 ? Name : $"{Namespace}/{Name}";
}
