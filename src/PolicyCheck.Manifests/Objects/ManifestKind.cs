namespace PolicyCheck.Manifests.Objects;

/// <summary>The kinds that shape reachability; every other kind is skipped and counted.</summary>
internal enum ManifestKind
{
    Namespace,
    Pod,
    Service,
    NetworkPolicy,
    Deployment,
    ReplicaSet,
    StatefulSet,
    DaemonSet,
    Job,
    CronJob,
    ReplicationController,
    EndpointSlice,
}
