namespace PolicyCheck.Core.Model;

/// <summary>The kinds that create pods; <see cref="Pod"/> is a pod with no controller.</summary>
public enum WorkloadKind
{
    Pod,
    Deployment,
    ReplicaSet,
    StatefulSet,
    DaemonSet,
    Job,
    CronJob,
    ReplicationController,
}
