using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
using System.Net;
using PolicyCheck.Core.Model;
using PolicyCheck.Core.Selectors;

namespace PolicyCheck.Core.Engine;

/// <summary>
/// How a user names an end of a flow on the command line, in the forms kubectl users type: <c>NAME</c> or
/// <c>NS/NAME</c> (a workload, or a pod of one, by name), <c>KIND/NAME</c> or <c>NS/KIND/NAME</c> with kubectl's
/// resource names (<c>deploy/web</c>, <c>deployment/web</c>, <c>sts/db</c>, <c>pod/web-0</c>, <c>ds/agent</c>,
/// <c>job/x</c>, <c>cronjob/x</c>; <c>svc/web</c> for the pods a Service selects), a selector
/// <c>'ns=shop,app=web'</c> (<c>ns</c> is the namespace, the rest label terms in kubectl syntax), or an address or
/// CIDR (<c>203.0.113.7</c>, <c>10.0.0.0/8</c>). A name without a namespace is looked up in the namespace
/// <see cref="Bind"/> gives (the command's <c>-n</c>), else in <c>default</c>, as kubectl does.
/// </summary>
/// <param name="Namespace">The namespace the text names; null when it names none (see <see cref="Bind"/>).</param>
public sealed record SubjectQuery(string Text, string? Namespace, string? Name, LabelSelector? Selector, IpCidr? Address)
{
    /// <summary>The namespace a name without one is looked up in when nothing else is given, as for kubectl.</summary>
    public const string DefaultNamespace = "default";

    private const string Forms = "use NAME, NS/NAME (e.g. shop/frontend), KIND/NAME (deploy/web, sts/db, pod/web-0, svc/web), 'ns=shop,app=web' or an IP address or CIDR";

    /// <summary>kubectl's names for the kinds that make pods (singular, plural and short), lower case.</summary>
    private static readonly FrozenDictionary<string, WorkloadKind> Kinds = new Dictionary<string, WorkloadKind>(StringComparer.Ordinal)
    {
        ["pod"] = WorkloadKind.Pod,
        ["pods"] = WorkloadKind.Pod,
        ["po"] = WorkloadKind.Pod,
        ["deployment"] = WorkloadKind.Deployment,
        ["deployments"] = WorkloadKind.Deployment,
        ["deploy"] = WorkloadKind.Deployment,
        ["replicaset"] = WorkloadKind.ReplicaSet,
        ["replicasets"] = WorkloadKind.ReplicaSet,
        ["rs"] = WorkloadKind.ReplicaSet,
        ["statefulset"] = WorkloadKind.StatefulSet,
        ["statefulsets"] = WorkloadKind.StatefulSet,
        ["sts"] = WorkloadKind.StatefulSet,
        ["daemonset"] = WorkloadKind.DaemonSet,
        ["daemonsets"] = WorkloadKind.DaemonSet,
        ["ds"] = WorkloadKind.DaemonSet,
        ["job"] = WorkloadKind.Job,
        ["jobs"] = WorkloadKind.Job,
        ["cronjob"] = WorkloadKind.CronJob,
        ["cronjobs"] = WorkloadKind.CronJob,
        ["cj"] = WorkloadKind.CronJob,
        ["replicationcontroller"] = WorkloadKind.ReplicationController,
        ["replicationcontrollers"] = WorkloadKind.ReplicationController,
        ["rc"] = WorkloadKind.ReplicationController,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenSet<string> ServiceNames = new[] { "service", "services", "svc" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The API groups kubectl accepts after a kind (<c>deployment.apps/web</c>, <c>job.batch/x</c>).</summary>
    private static readonly FrozenSet<string> Groups = new[] { "apps", "batch", "v1", "core" }.ToFrozenSet(StringComparer.Ordinal);

    public bool IsExternal => Address is not null;

    /// <summary>With <c>KIND/NAME</c>: the kind of workload named (<c>pod/NAME</c> also names a pod of a controller).</summary>
    public WorkloadKind? Kind { get; init; }

    /// <summary>With <c>svc/NAME</c>: the query names the workloads whose pods that Service selects.</summary>
    public bool IsService { get; init; }

    /// <summary>For <see cref="IsService"/> after <see cref="Bind"/> with a cluster: the service's backends; empty when it has none or does not exist.</summary>
    public ImmutableArray<Workload> Backends { get; init; } = [];

    /// <summary>
    /// With <c>KIND/NAME</c> and no namespace: the first part as typed, since it may also be a namespace (<c>job</c>,
    /// <c>pod</c>); when the kind form names nothing, the query is read as <c>NS/NAME</c>.
    /// </summary>
    public string? KindOrNamespace { get; init; }

    /// <summary>Whether the query names a workload or pod by name (with or without kind), not a selector or an address.</summary>
    public bool IsName => Name is not null;

    /// <summary>Parses a query; <paramref name="error"/> says what was expected when it fails.</summary>
    public static bool TryParse(string text, out SubjectQuery? query, out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        query = null;
        error = null;
        var trimmed = text.Trim();
        if (trimmed.Length == 0)
            return Fail($"An empty subject names nothing; {Forms}.", out error);

        if (IPAddress.TryParse(trimmed, out var address) && !trimmed.Contains('/', StringComparison.Ordinal))
        {
            var bits = address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128;
            if (IpCidr.TryParse($"{trimmed}/{bits}", out var host))
            {
                query = new SubjectQuery(text, null, null, null, host);
                return true;
            }
        }

        if (IpCidr.TryParse(trimmed, out var cidr))
        {
            query = new SubjectQuery(text, null, null, null, cidr);
            return true;
        }

        if (trimmed.Contains('=', StringComparison.Ordinal) || trimmed.Contains(' ', StringComparison.Ordinal) || trimmed.StartsWith('!'))
        {
            string? ns = null;
            var terms = new List<string>();
            foreach (var term in SplitTerms(trimmed))
            {
                var t = term.Trim();
                if (t.StartsWith("ns=", StringComparison.Ordinal) || t.StartsWith("namespace=", StringComparison.Ordinal))
                    ns = t[(t.IndexOf('=', StringComparison.Ordinal) + 1)..];
                else
                    terms.Add(t);
            }

            if (!SelectorParser.TryParse(string.Join(',', terms), out var selector, out var selectorError))
                return Fail($"'{text}' is not a valid selector: {selectorError}", out error);
            query = new SubjectQuery(text, ns, null, selector, null);
            return true;
        }

        var parts = trimmed.Split('/');
        if (parts.Any(p => p.Length == 0) || parts.Length > 3)
            return Fail($"'{text}' is not a subject; {Forms}.", out error);
        switch (parts.Length)
        {
            case 1:
                query = new SubjectQuery(text, null, parts[0], null, null);
                return true;
            case 2 when TryKind(parts[0], out var kind, out var isService):
                query = new SubjectQuery(text, null, parts[1], null, null) { Kind = kind, IsService = isService, KindOrNamespace = parts[0] };
                return true;
            case 2:
                query = new SubjectQuery(text, parts[0], parts[1], null, null);
                return true;
            default:
                if (!TryKind(parts[1], out var namedKind, out var service))
                    return Fail($"'{text}' is not a subject: '{parts[1]}' is not a kind; use NS/KIND/NAME with a kind such as deploy, sts, ds, job, cronjob, pod or svc, or {Forms}.", out error);
                query = new SubjectQuery(text, parts[0], parts[2], null, null) { Kind = namedKind, IsService = service };
                return true;
        }
    }

    /// <summary>
    /// This query with what the command line and the inputs add: a name without namespace looks in
    /// <paramref name="defaultNamespace"/> (a selector without <c>ns=</c> still searches every namespace), and
    /// <c>svc/NAME</c> takes the backends of that Service of <paramref name="cluster"/>.
    /// </summary>
    public SubjectQuery Bind(string? defaultNamespace, Cluster? cluster = null)
    {
        var bound = IsName && Namespace is null ? this with { Namespace = defaultNamespace ?? DefaultNamespace } : this;
        if (!IsService || cluster is null)
            return bound;
        var service = cluster.Services.FirstOrDefault(s => s.Namespace == bound.Namespace && s.Name == Name);
        return bound with { Backends = service is null ? [] : Services.ServiceEndpoints.Of(cluster, service).Backends };
    }

    /// <summary>
    /// The subjects this query names, in subject order. A name matches a workload of that name, every part of a
    /// controller of that name split by selectors, or the workload a pod of that name belongs to (a loaded pod, or a StatefulSet's pod <c>NAME-ORDINAL</c>), in its namespace; with a
    /// kind, only workloads of that kind (<c>pod/</c>: also a pod of any workload). An address a known pod has names
    /// that pod's workload, and an outside subject only when no pod has it; a CIDR names every workload with a known
    /// pod IP inside it and every outside subject overlapping it.
    /// </summary>
    public ImmutableArray<int> Resolve(ReachabilityMatrix matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        var result = ImmutableArray.CreateBuilder<int>();
        if (Address is { } cidr)
        {
            for (var i = 0; i < matrix.Subjects.Length; i++)
            {
                if (matrix.Subjects[i].Workload is { } w && w.PodIps.Any(cidr.Contains))
                    result.Add(i);
            }

            var host = cidr.PrefixLength == IpInterval.Bits(cidr.Family);
            if (host && result.Count > 0)
                return result.ToImmutable();
            for (var i = 0; i < matrix.Subjects.Length; i++)
            {
                if (matrix.Subjects[i].IsExternal && matrix.Subjects[i].Ranges.Any(r => Overlaps(cidr, r)))
                    result.Add(i);
            }

            result.Sort();
            return result.ToImmutable();
        }

        for (var i = 0; i < matrix.Subjects.Length; i++)
        {
            if (Matches(matrix.Subjects[i]))
                result.Add(i);
        }

        // "job" or "pod" may also be a namespace: KIND/NAME that names nothing is read as NS/NAME.
        if (result.Count == 0 && KindOrNamespace is { } ns)
            return (this with { Kind = null, IsService = false, Namespace = ns, KindOrNamespace = null }).Resolve(matrix);
        return result.ToImmutable();
    }

    /// <summary>Whether a workload subject matches a name or selector query (an address query: see <see cref="Resolve"/>).</summary>
    public bool Matches(Subject subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        if (subject.Workload is not { } workload)
            return Address is { } cidr && subject.Ranges.Any(r => Overlaps(cidr, r));
        if (Address is { } address)
            return workload.PodIps.Any(address.Contains);
        if (Selector is not null)
            return (Namespace is null || workload.Namespace == Namespace) && Selector.Matches(workload.Labels);
        if (workload.Namespace != (Namespace ?? DefaultNamespace))
            return false;
        if (IsService)
            return Backends.Any(b => ReferenceEquals(b, workload));
        var name = Name!; // not an address or a selector, so a name
        // A controller's name also names the parts it was split into (Workload.Controller).
        var controller = workload.Controller?.Name;
        if (Kind is { } kind && kind != WorkloadKind.Pod)
            return workload.Kind == kind && (workload.Name == name || controller == name);
        if (Kind == WorkloadKind.Pod)
            return (workload.Kind == WorkloadKind.Pod && workload.Name == name) || IsPodOf(workload, name);
        return workload.Name == name || controller == name || IsPodOf(workload, name) || subject.Id == $"{workload.Namespace}/{name}";
    }

    public override string ToString() => Text;

    /// <summary>Whether <paramref name="name"/> is a pod of the workload: a loaded pod, or a StatefulSet's <c>NAME-ORDINAL</c>.</summary>
    private static bool IsPodOf(Workload workload, string name)
    {
        if (workload.PodNames.Contains(name, StringComparer.Ordinal))
            return true;
        // A part of a split StatefulSet lists its pods and has no others.
        if (workload.Kind != WorkloadKind.StatefulSet || workload.Controller is not null || !name.StartsWith(workload.Name + "-", StringComparison.Ordinal))
            return false;
        // StatefulSet pods are named <statefulset>-<ordinal>, ordinals 0 to replicas-1.
        var ordinal = name[(workload.Name.Length + 1)..];
        return ordinal.Length > 0 && (ordinal == "0" || ordinal[0] != '0') &&
               int.TryParse(ordinal, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n < workload.Replicas;
    }

    private static bool TryKind(string text, out WorkloadKind? kind, out bool isService)
    {
        kind = null;
        isService = false;
        var lower = text.ToLowerInvariant();
        var dot = lower.IndexOf('.', StringComparison.Ordinal);
        if (dot >= 0)
        {
            if (!Groups.Contains(lower[(dot + 1)..]))
                return false;
            lower = lower[..dot];
        }

        if (ServiceNames.Contains(lower))
        {
            isService = true;
            return true;
        }

        if (!Kinds.TryGetValue(lower, out var found))
            return false;
        kind = found;
        return true;
    }

    private static bool Overlaps(IpCidr cidr, IpRange range) => IpInterval.FromCidr(cidr).Overlaps(IpInterval.FromRange(range));

    private static IEnumerable<string> SplitTerms(string text)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '(')
                depth++;
            else if (text[i] == ')')
                depth--;
            else if (text[i] == ',' && depth == 0)
            {
                yield return text[start..i];
                start = i + 1;
            }
        }

        yield return text[start..];
    }

    private static bool Fail(string message, out string? error)
    {
        error = message;
        return false;
    }
}
