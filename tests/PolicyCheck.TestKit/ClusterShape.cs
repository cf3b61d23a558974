namespace PolicyCheck.TestKit;

/// <summary>How big a <see cref="RandomCluster"/> is.</summary>
public enum ClusterShape
{
    /// <summary>2–8 workloads, 0–6 policies, a fixed handful of ports and CIDRs: dense collisions, quick to check.</summary>
    Small,

    /// <summary>
    /// 12–24 workloads, 12–20 policies drawing mostly ipBlock peers, and per seed 40 extra port numbers and CIDRs, so that the engine's
    /// port atoms and matrix nodes (classes plus external groups) pass 64 and its bit sets span several words.
    /// </summary>
    Wide,
}
