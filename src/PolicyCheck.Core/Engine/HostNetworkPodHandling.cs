namespace PolicyCheck.Core.Engine;

/// <summary>
/// How the network plugin treats hostNetwork pods. Kubernetes leaves it undefined between two choices and calls
/// <see cref="Ignore"/> "the most common implementation".
/// </summary>
public enum HostNetworkPodHandling
{
    /// <summary>Selectors never match them, policies never isolate them: their traffic is the node's.</summary>
    Ignore,

    /// <summary>podSelector and namespaceSelector apply to them like any pod, and policies isolate them.</summary>
    Select,
}
