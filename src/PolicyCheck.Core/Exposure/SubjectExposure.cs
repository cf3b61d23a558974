using System.Collections.Immutable;
using PolicyCheck.Core.Engine;

namespace PolicyCheck.Core.Exposure;

/// <summary>
/// How far one workload is open, as <see cref="ExposureAnalysis"/> defines each term. Every port set is what the
/// callers may open towards the workload (its ingress and their egress both allow it); <see cref="PortSet.None"/>
/// means "not open in that way".
/// </summary>
/// <param name="Subject">The index of the workload in <see cref="ReachabilityMatrix.Subjects"/>.</param>
/// <param name="OpenToCluster">Ports every other workload of the cluster may reach it on.</param>
/// <param name="OpenToAllNamespaces">Ports on which, from every namespace holding another workload, some workload may reach it; none when no namespace but its own holds another workload.</param>
/// <param name="OpenToOutside">Ports some outside address may reach it on (the union over <paramref name="OutsideSources"/>).</param>
/// <param name="OpenToEveryOutsideAddress">Ports every outside address may reach it on.</param>
/// <param name="OutsideSources">The external subjects that may reach it, in subject order.</param>
/// <param name="IngressIsolated">Whether some policy isolates its ingress.</param>
/// <param name="EgressIsolated">Whether some policy isolates its egress.</param>
public sealed record SubjectExposure(
    int Subject,
    PortSet OpenToCluster,
    PortSet OpenToAllNamespaces,
    PortSet OpenToOutside,
    PortSet OpenToEveryOutsideAddress,
    ImmutableArray<OutsideSource> OutsideSources,
    bool IngressIsolated,
    bool EgressIsolated);
