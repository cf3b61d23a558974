using PolicyCheck.Core.Model;

namespace PolicyCheck.Core.Services;

/// <summary>
/// Who is a <b>client</b> of a Service port: the one definition behind the services listing's "reached" counts and
/// lint rule PC3008 (no client may reach a Service's backends), so the two can never disagree.
/// <para>
/// A subject of the matrix is a client of a port when, through the Service, it reaches at least one endpoint of the
/// port on its targetPort, as <see cref="ServiceReachability"/> judges it (for outside subjects: only through a
/// NodePort or LoadBalancer Service, with source NAT under <c>externalTrafficPolicy: Cluster</c>). A backend's own
/// pod does not make it a client of its own Service: a pod may always connect to itself, so a workload with one pod
/// that reaches only itself is no client; one with several pods is a client when its replicas may reach each other
/// on the targetPort. A subject for which some endpoint depends on the nodes' addresses (source NAT, ipBlock rules
/// only) <i>may</i> be a client: it is neither counted as one nor taken as proof that there is none.
/// </para>
/// </summary>
public static class ServiceClients
{
    /// <summary>Whether the verdict's client is a client of the port: it reaches some endpoint other than its own pod.</summary>
    public static bool IsClient(ServiceVerdict verdict)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        return verdict.Backends.Any(b => b.IsAllowed && !b.OwnPodOnly);
    }

    /// <summary>Whether the verdict's client may be a client, depending on node addresses the inputs do not give.</summary>
    public static bool MayBeClient(ServiceVerdict verdict)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        return verdict.Uncertain > 0;
    }

    /// <summary>
    /// Whether some subject of the matrix is, or may be, a client of <paramref name="port"/>. Judged on up to two
    /// subjects per equivalence class of the matrix: distinct subjects of one class allow and are allowed the same,
    /// so when one of them is the backend itself the other speaks for the class.
    /// </summary>
    public static bool Any(ServiceReachability reachability, Service service, ServicePort port)
    {
        ArgumentNullException.ThrowIfNull(reachability);
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(port);
        var matrix = reachability.Matrix;
        var seen = new int[matrix.ClassCount];
        for (var subject = 0; subject < matrix.Subjects.Length; subject++)
        {
            ref var count = ref seen[matrix.ClassOf(subject)];
            if (count == 2)
                continue;
            count++;
            var verdict = reachability.Reach(subject, service, port);
            if (IsClient(verdict) || MayBeClient(verdict))
                return true;
        }

        return false;
    }
}
