namespace PolicyCheck.Core.Engine;

/// <summary>
/// Whether the network plugin supports SCTP in NetworkPolicy port entries ("You must be using a CNI plugin that
/// supports SCTP protocol NetworkPolicies").
/// </summary>
public enum SctpSupport
{
    Supported,

    /// <summary>
    /// An SCTP port entry allows nothing. Rules without ports, pods no policy isolates and a pod's traffic to itself
    /// are unchanged: they allow every protocol, as Kubernetes defines them.
    /// </summary>
    Unsupported,
}
