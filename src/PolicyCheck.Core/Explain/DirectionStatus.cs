namespace PolicyCheck.Core.Explain;

/// <summary>Why one side of a flow allows what it allows.</summary>
public enum DirectionStatus
{
    /// <summary>The side is not consulted: self traffic, or traffic between two outside addresses.</summary>
    NotApplicable,

    /// <summary>This side's end is outside the cluster: nothing governs it.</summary>
    External,

    /// <summary>The pod uses hostNetwork: policies do not govern it.</summary>
    HostNetwork,

    /// <summary>No policy of this direction selects the pod: everything is allowed.</summary>
    NotIsolated,

    /// <summary>Selected by at least one policy of this direction: the union of their rules is allowed.</summary>
    Isolated,
}
