namespace PolicyCheck.Core.Engine;

/// <summary>
/// Whether ipBlock peers match pods whose IPs are known. Kubernetes leaves this to the network plugin; most
/// plugins and the upstream conformance tests match them (<see cref="Match"/>).
/// </summary>
public enum IpBlockPodMatching
{
    Match,
    Ignore,
}
