using PolicyCheck.Core.Model;

namespace PolicyCheck.Kube.Http;

/// <summary>One GET, with what it is for, so that errors can name the verb, resource and namespace.</summary>
internal sealed record ApiRequest(string PathAndQuery, string Verb, KubeResource Resource, string? Namespace)
{
    /// <summary><c>in namespace 'shop'</c>, <c>in all namespaces</c> or <c>at the cluster scope</c>.</summary>
    public string Scope => Namespace is not null && Resource.Namespaced ? $"in namespace '{Namespace}'"
        : Resource.Namespaced ? "in all namespaces"
        : "at the cluster scope";

    /// <summary>
    /// Where the answer's content is, as the audit locates live objects: <c>cluster://CTX/NS/KIND/NAME</c> for a named
    /// object, else <c>cluster://CTX[/NS]/KIND</c> for the list as a whole.
    /// </summary>
    public string Location(string context, string? itemNamespace = null, string? itemName = null)
    {
        if (itemName is not null)
            return LiveLocation.Of(context, Resource.Namespaced ? itemNamespace ?? Namespace : null, Resource.Kind, itemName);
        // LiveLocation names objects; the list is the same URI without the last (name) segment.
        var one = LiveLocation.Of(context, Resource.Namespaced ? Namespace : null, Resource.Kind, "n");
        return one[..^"/n".Length];
    }
}
