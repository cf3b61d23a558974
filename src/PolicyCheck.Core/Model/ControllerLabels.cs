namespace PolicyCheck.Core.Model;

/// <summary>
/// Labels the Kubernetes controllers put on the pods they create, beside the labels of the pod template. Where the
/// inputs cannot tell a value (a hash of the template, a uid, the time a CronJob ran), the label is there with the
/// value <see cref="Unknown"/>: <c>Exists</c> matches it, <c>DoesNotExist</c> does not, and since it is not a valid
/// label value, no value a selector writes equals it (<c>In</c> and matchLabels never match it, <c>NotIn</c> always
/// does). See docs/workloads.md.
/// </summary>
public static class ControllerLabels
{
    /// <summary>The value of a controller label whose value only the controller knows; never a valid label value.</summary>
    public const string Unknown = "(assigned by the controller)";

    /// <summary>StatefulSet: the pod's name, <c>&lt;set&gt;-&lt;ordinal&gt;</c>.</summary>
    public const string StatefulSetPodName = "statefulset.kubernetes.io/pod-name";

    /// <summary>StatefulSet (Kubernetes 1.28 and later): the pod's ordinal index.</summary>
    public const string PodIndex = "apps.kubernetes.io/pod-index";

    /// <summary>StatefulSet and DaemonSet: the name of the ControllerRevision the pod was made from.</summary>
    public const string ControllerRevisionHash = "controller-revision-hash";

    /// <summary>DaemonSet: the DaemonSet's template generation.</summary>
    public const string PodTemplateGeneration = "pod-template-generation";

    /// <summary>Deployment: the hash of the pod template, also the suffix of the ReplicaSet's name.</summary>
    public const string PodTemplateHash = "pod-template-hash";

    /// <summary>Job: the Job's name (the older, unprefixed key and the current one).</summary>
    public const string JobName = "job-name";

    /// <inheritdoc cref="JobName"/>
    public const string BatchJobName = "batch.kubernetes.io/job-name";

    /// <summary>Job: the Job's uid (the older, unprefixed key and the current one).</summary>
    public const string ControllerUid = "controller-uid";

    /// <inheritdoc cref="ControllerUid"/>
    public const string BatchControllerUid = "batch.kubernetes.io/controller-uid";

    /// <summary>Whether <paramref name="value"/> is <see cref="Unknown"/>.</summary>
    public static bool IsUnknown(string value) => string.Equals(value, Unknown, StringComparison.Ordinal);
}
