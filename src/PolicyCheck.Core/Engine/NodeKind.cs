namespace PolicyCheck.Core.Engine;

/// <summary>What a matrix node stands for; nodes of different kinds never share an equivalence group.</summary>
internal enum NodeKind
{
    /// <summary>A class of ordinary pods: NetworkPolicy governs them and selectors can match them.</summary>
    Pod,

    /// <summary>A class of hostNetwork pods: NetworkPolicy neither isolates them nor matches them as peers.</summary>
    HostNetworkPod,

    /// <summary>A group of outside addresses that no ipBlock tells apart.</summary>
    External,
}
