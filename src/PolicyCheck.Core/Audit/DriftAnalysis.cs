using System.Collections.Immutable;
using PolicyCheck.Core.Diff;
using PolicyCheck.Core.Engine;
using PolicyCheck.Core.Model;

namespace PolicyCheck.Core.Audit;

/// <summary>Computes <see cref="AuditDrift"/> from both sides' models and matrices.</summary>
public static class DriftAnalysis
{
    /// <param name="live">The cluster as read; the loader names a Deployment's pods after the Deployment on both sides.</param>
    /// <param name="ns">When the audit read one namespace: compare only the policies there.</param>
    public static AuditDrift Compare(
        string context,
        Cluster live,
        ReachabilityMatrix liveMatrix,
        Cluster declared,
        ReachabilityMatrix declaredMatrix,
        string? ns)
    {
        ArgumentNullException.ThrowIfNull(live);
        ArgumentNullException.ThrowIfNull(declared);
        var declaredPolicies = declared.Policies.Where(p => ns is null || p.Namespace == ns);
        var policies = PolicyComparison.Compare(live.Policies, declaredPolicies);
        var delta = ConnectionDiff.Compare(declaredMatrix, liveMatrix);
        // A workload on one side only is drift of its own; its connections would only repeat that.
        var oneSided = delta.SubjectsAdded.Concat(delta.SubjectsRemoved).ToHashSet(StringComparer.Ordinal);
        bool BothSides(ConnectionChange c) => !oneSided.Contains(c.From) && !oneSided.Contains(c.To);
        var connections = new ConnectionDelta(
            [.. delta.Added.Where(BothSides)],
            [.. delta.Removed.Where(BothSides)],
            [.. delta.Changed.Where(BothSides)],
            delta.SubjectsAdded,
            delta.SubjectsRemoved);
        ImmutableArray<string> onlyDeclared = [.. delta.SubjectsRemoved.Where(id => ns is null || id.StartsWith(ns + "/", StringComparison.Ordinal))];
        return new AuditDrift(context, policies, delta.SubjectsAdded, onlyDeclared, connections with { SubjectsRemoved = onlyDeclared });
    }
}
