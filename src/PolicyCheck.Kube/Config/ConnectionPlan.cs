using PolicyCheck.Kube.Auth;

namespace PolicyCheck.Kube.Config;

/// <summary>Everything needed to talk to one cluster, resolved from a kubeconfig context or the in-cluster setup.</summary>
internal sealed record ConnectionPlan(string ContextName, ClusterEndpoint Cluster, Authenticator Authenticator);
