using PolicyCheck.Core.Model;

namespace PolicyCheck.Manifests.Objects;

/// <summary>Which apiVersion serves each kind the loader reads, and how to tell a retired version from a custom resource.</summary>
internal static class ManifestKinds
{
    public static bool TryFind(string kind, out ManifestKind manifestKind, out string servedApiVersion)
    {
        (manifestKind, servedApiVersion) = kind switch
        {
            "Namespace" => (ManifestKind.Namespace, "v1"),
            "Pod" => (ManifestKind.Pod, "v1"),
            "Service" => (ManifestKind.Service, "v1"),
            "ReplicationController" => (ManifestKind.ReplicationController, "v1"),
            "NetworkPolicy" => (ManifestKind.NetworkPolicy, "networking.k8s.io/v1"),
            "Deployment" => (ManifestKind.Deployment, "apps/v1"),
            "ReplicaSet" => (ManifestKind.ReplicaSet, "apps/v1"),
            "StatefulSet" => (ManifestKind.StatefulSet, "apps/v1"),
            "DaemonSet" => (ManifestKind.DaemonSet, "apps/v1"),
            "Job" => (ManifestKind.Job, "batch/v1"),
            "CronJob" => (ManifestKind.CronJob, "batch/v1"),
            "EndpointSlice" => (ManifestKind.EndpointSlice, "discovery.k8s.io/v1"),
            _ => (default, string.Empty),
        };
        return servedApiVersion.Length > 0;
    }

    /// <summary>
    /// True when <paramref name="group"/> once served <paramref name="kind"/> (a retired version such as
    /// <c>extensions/v1beta1</c>); false when it is some other API group's custom resource of the same name.
    /// </summary>
    public static bool IsGroupOf(ManifestKind kind, string servedApiVersion, string group) =>
        group == Group(servedApiVersion) ||
        (group == "extensions" && kind is ManifestKind.Deployment or ManifestKind.DaemonSet or ManifestKind.ReplicaSet or ManifestKind.NetworkPolicy);

    public static string Group(string apiVersion)
    {
        var slash = apiVersion.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? string.Empty : apiVersion[..slash];
    }

    public static WorkloadKind? ToWorkloadKind(ManifestKind kind) => kind switch
    {
        ManifestKind.Deployment => WorkloadKind.Deployment,
        ManifestKind.ReplicaSet => WorkloadKind.ReplicaSet,
        ManifestKind.StatefulSet => WorkloadKind.StatefulSet,
        ManifestKind.DaemonSet => WorkloadKind.DaemonSet,
        ManifestKind.Job => WorkloadKind.Job,
        ManifestKind.CronJob => WorkloadKind.CronJob,
        ManifestKind.ReplicationController => WorkloadKind.ReplicationController,
        _ => null,
    };

    /// <summary>The controller kinds pods can be grouped under (owner references name them by kind).</summary>
    public static WorkloadKind? ControllerKind(string kind) =>
        TryFind(kind, out var manifestKind, out _) ? ToWorkloadKind(manifestKind) : null;
}
