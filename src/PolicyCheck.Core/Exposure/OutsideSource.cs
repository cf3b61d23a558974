using PolicyCheck.Core.Engine;

namespace PolicyCheck.Core.Exposure;

/// <summary>One external subject that may open connections to a workload, and on which ports.</summary>
/// <param name="External">The index of the external subject in <see cref="ReachabilityMatrix.Subjects"/>.</param>
/// <param name="Allowed">What that outside range set may send the workload; never empty.</param>
public sealed record OutsideSource(int External, PortSet Allowed);
