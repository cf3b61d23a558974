using System.Net;
using PolicyCheck.Core.Model;

namespace PolicyCheck.TestKit;

/// <summary>One end of a connection for <see cref="ReferenceEvaluator"/>: a pod of a workload, or a cluster-external address.</summary>
public sealed record Endpoint(Workload? Workload, IPAddress? Address)
{
    public bool IsExternal => Workload is null;

    public static Endpoint Pod(Workload workload) => new(workload ?? throw new ArgumentNullException(nameof(workload)), null);

    public static Endpoint External(IPAddress address) => new(null, address ?? throw new ArgumentNullException(nameof(address)));

    public static Endpoint External(string address) => External(IPAddress.Parse(address));

    public override string ToString() => Workload is { } w ? w.Id : $"ext:{Address}";
}
