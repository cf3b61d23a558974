namespace PolicyCheck.Core.Services;

/// <summary>
/// A per-pod DNS name of a headless service's backend. <paramref name="Name"/> is null when the name cannot be
/// known from the manifests (generated from the pod's IP, which is not known); <paramref name="Basis"/> says how
/// the name is formed.
/// </summary>
public sealed record PodDnsName(string Workload, string? Name, string Basis);
