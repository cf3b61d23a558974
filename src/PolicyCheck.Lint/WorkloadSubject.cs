using PolicyCheck.Core.Model;

namespace PolicyCheck.Lint;

/// <summary>A workload of the inputs with its row in the reachability matrix.</summary>
public readonly record struct WorkloadSubject(Workload Workload, int Subject);
