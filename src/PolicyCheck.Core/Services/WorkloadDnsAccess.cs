using PolicyCheck.Core.Model;

namespace PolicyCheck.Core.Services;

/// <summary>
/// Whether a workload's pods reach the cluster DNS on port 53: over UDP (ordinary queries) and TCP (large answers,
/// zone transfers, retries after truncation), each as the share of DNS backends reached.
/// </summary>
public sealed record WorkloadDnsAccess(Workload Workload, ServiceCoverage Udp, ServiceCoverage Tcp)
{
    public bool UdpOk => Udp == ServiceCoverage.All;

    public bool TcpOk => Tcp == ServiceCoverage.All;

    /// <summary><c>UDP+TCP</c>, <c>UDP only</c>, <c>TCP only</c> or <c>neither</c> (some backends only counts as not ok).</summary>
    public string Summary => (UdpOk, TcpOk) switch
    {
        (true, true) => "UDP+TCP",
        (true, false) => "UDP only",
        (false, true) => "TCP only",
        _ => "neither",
    };
}
