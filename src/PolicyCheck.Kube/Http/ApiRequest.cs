namespace PolicyCheck.Kube.Http;

/// <summary>One GET, with what it is for, so that errors can name the verb, resource and namespace.</summary>
internal sealed record ApiRequest(string PathAndQuery, string Verb, KubeResource Resource, string? Namespace)
{
    /// <summary><c>in namespace 'shop'</c>, <c>in all namespaces</c> or <c>at the cluster scope</c>.</summary>
    public string Scope => Namespace is not null && Resource.Namespaced ? $"in namespace '{Namespace}'"
        : Resource.Namespaced ? "in all namespaces"
        : "at the cluster scope";
}
