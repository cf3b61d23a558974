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

    private static readonly string[] Kinds =
    [
        "Namespace", "Pod", "Service", "ReplicationController", "NetworkPolicy", "Deployment", "ReplicaSet", "StatefulSet",
        "DaemonSet", "Job", "CronJob", "EndpointSlice",
    ];

    /// <summary>A kind PolicyCheck reads, spelt with another case (<c>networkpolicy</c>), or null.</summary>
    public static string? CaseInsensitiveMatch(string kind) =>
        Array.Find(Kinds, k => string.Equals(k, kind, StringComparison.OrdinalIgnoreCase) && !string.Equals(k, kind, StringComparison.Ordinal));

    /// <summary>
    /// True for the API groups of Kubernetes itself: the core group, groups without a dot (apps, batch, extensions,
    /// policy, …: a custom resource's group must contain one) and groups under <c>k8s.io</c>. A kind PolicyCheck reads
    /// in one of them is a mistake, not a custom resource.
    /// </summary>
    public static bool IsKubernetesGroup(string group) =>
        !group.Contains('.', StringComparison.Ordinal) || group == "k8s.io" || group.EndsWith(".k8s.io", StringComparison.Ordinal);

    /// <summary>
    /// Whether the loader skips an object of this kind and apiVersion (a custom resource, a ConfigMap): not a kind
    /// it reads, and not a misspelling of one (those are errors, so they are not "skipped").
    /// </summary>
    public static bool IsSkipped(string kind, string apiVersion)
    {
        if (!TryFind(kind, out var manifestKind, out var served))
            return CaseInsensitiveMatch(kind) is null && CheckKind(kind) is null;
        var group = Group(apiVersion);
        return !IsGroupOf(manifestKind, served, group) && !IsKubernetesGroup(group);
    }

    /// <summary>
    /// Null when <paramref name="kind"/> can name a kind of some API: lowercased, it must be a DNS-1035 label (letters,
    /// digits and '-', starting with a letter, ending with a letter or digit, at most 63), as the API server validates a
    /// CRD's <c>names.kind</c>. Else a "did you mean" suffix naming the kind we read that it spoils (<c>NetworkPolicy </c>,
    /// <c>Network Policy</c>), or the empty string.
    /// </summary>
    public static string? CheckKind(string kind)
    {
        var valid = kind.Length <= 63 && char.IsAsciiLetter(kind[0]) && char.IsAsciiLetterOrDigit(kind[^1]) &&
            kind.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');
        if (valid)
            return null;
        var letters = string.Concat(kind.Where(char.IsAsciiLetterOrDigit));
        var meant = Array.Find(Kinds, k => string.Equals(k, letters, StringComparison.OrdinalIgnoreCase));
        return meant is null ? string.Empty : $" (did you mean '{meant}'?)";
    }

    /// <summary>
    /// True for apiVersions that once served the kind and were removed (Kubernetes deprecation guide); every other
    /// version of the right group never existed for it.
    /// </summary>
    public static bool IsRetired(ManifestKind kind, string apiVersion) => (kind, apiVersion) switch
    {
        (ManifestKind.NetworkPolicy, "extensions/v1beta1") => true,
        (ManifestKind.Deployment, "extensions/v1beta1" or "apps/v1beta1" or "apps/v1beta2") => true,
        (ManifestKind.DaemonSet or ManifestKind.ReplicaSet, "extensions/v1beta1" or "apps/v1beta2") => true,
        (ManifestKind.StatefulSet, "apps/v1beta1" or "apps/v1beta2") => true,
        (ManifestKind.CronJob, "batch/v1beta1" or "batch/v2alpha1") => true,
        (ManifestKind.EndpointSlice, "discovery.k8s.io/v1beta1" or "discovery.k8s.io/v1alpha1") => true,
        _ => false,
    };

    /// <summary>
    /// Null when <paramref name="apiVersion"/> is <c>version</c> (core group) or <c>group/version</c> with a DNS
    /// subdomain group and a DNS-1035 label version (as CRD versions must be); else what is wrong.
    /// </summary>
    public static string? CheckApiVersion(string apiVersion)
    {
        var parts = apiVersion.Split('/');
        if (parts.Length > 2)
            return "it holds more than one '/'; write 'group/version' such as 'apps/v1', or 'v1' for the core group";
        var version = parts[^1];
        if (parts.Length == 2 && !Syntax.LabelSyntax.IsDnsSubdomain(parts[0]))
            return $"the group '{parts[0]}' must be a DNS subdomain of lowercase letters, digits, '-' and '.'";
        if (!Syntax.LabelSyntax.IsDnsLabel(version) || !char.IsAsciiLetterLower(version[0]))
            return parts.Length == 1 && version.Contains('.', StringComparison.Ordinal)
                ? "it names a group without a version; write 'group/version' such as 'networking.k8s.io/v1'"
                : $"the version '{version}' must be lowercase letters, digits and '-' starting with a letter, such as 'v1' or 'v1beta1'";
        return null;
    }

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
