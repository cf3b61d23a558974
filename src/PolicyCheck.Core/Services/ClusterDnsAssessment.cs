using System.Collections.Immutable;
using PolicyCheck.Core.Model;

namespace PolicyCheck.Core.Services;

/// <summary>
/// Whether each workload reaches the cluster DNS. <paramref name="Assumed"/> says what PolicyCheck had to add
/// because the manifests did not include it (the standard CoreDNS pods and/or the kube-dns service); null when the
/// manifests had both.
/// </summary>
public sealed record ClusterDnsAssessment(Service Service, string? Assumed, ImmutableArray<WorkloadDnsAccess> Workloads)
{
    public bool IsAssumed => Assumed is not null;
}
