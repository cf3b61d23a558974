namespace PolicyCheck.Manifests.Objects;

/// <summary>
/// The field lists of every level the loader reads, from the Kubernetes API reference (v1.34). Levels that decide
/// reachability (metadata, selectors, pod and Service specs, ports, NetworkPolicy) are strict; the others warn,
/// unless the unknown field looks like a misspelt reachability field (<c>templat</c> in a Deployment spec).
/// </summary>
internal static class ObjectFields
{
    public static FieldSet Object { get; } = FieldSet.Of("a Kubernetes object", strict: true, "apiVersion kind metadata spec status");

    public static FieldSet EndpointSlice { get; } = FieldSet.Of("an EndpointSlice", strict: false,
        "apiVersion kind metadata addressType endpoints ports", "metadata");

    public static FieldSet Metadata { get; } = FieldSet.Of("metadata (ObjectMeta)", strict: true,
        "name generateName namespace selfLink uid resourceVersion generation creationTimestamp deletionTimestamp " +
        "deletionGracePeriodSeconds labels annotations ownerReferences finalizers managedFields");

    public static FieldSet OwnerReference { get; } = FieldSet.Of("an owner reference", strict: true,
        "apiVersion kind name uid controller blockOwnerDeletion");

    public static FieldSet LabelSelector { get; } = FieldSet.Of("a label selector", strict: true, "matchLabels matchExpressions");

    public static FieldSet Requirement { get; } = FieldSet.Of("a label selector requirement", strict: true, "key operator values");

    public static FieldSet PodTemplate { get; } = FieldSet.Of("a pod template", strict: true, "metadata spec");

    public static FieldSet JobTemplate { get; } = FieldSet.Of("a job template", strict: true, "metadata spec");

    public static FieldSet PodSpec { get; } = FieldSet.Of("a Pod spec", strict: true,
        "activeDeadlineSeconds affinity automountServiceAccountToken containers dnsConfig dnsPolicy enableServiceLinks " +
        "ephemeralContainers hostAliases hostIPC hostNetwork hostPID hostUsers hostname hostnameOverride imagePullSecrets " +
        "initContainers nodeName nodeSelector os overhead preemptionPolicy priority priorityClassName readinessGates " +
        "resourceClaims resources restartPolicy runtimeClassName schedulerName schedulingGates securityContext " +
        "serviceAccount serviceAccountName setHostnameAsFQDN shareProcessNamespace subdomain " +
        "terminationGracePeriodSeconds tolerations topologySpreadConstraints volumes");

    public static FieldSet Container { get; } = FieldSet.Of("a container", strict: false,
        "args command env envFrom image imagePullPolicy lifecycle livenessProbe name ports readinessProbe resizePolicy " +
        "resources restartPolicy restartPolicyRules securityContext startupProbe stdin stdinOnce terminationMessagePath " +
        "terminationMessagePolicy tty volumeDevices volumeMounts workingDir", "ports");

    public static FieldSet ContainerPort { get; } = FieldSet.Of("a container port", strict: true,
        "containerPort hostIP hostPort name protocol");

    public static FieldSet PodStatus { get; } = FieldSet.Of("a Pod status", strict: false,
        "conditions containerStatuses ephemeralContainerStatuses extendedResourceClaimStatus hostIP hostIPs " +
        "initContainerStatuses message nominatedNodeName observedGeneration phase podIP podIPs qosClass reason resize " +
        "resourceClaimStatuses startTime", "podIP podIPs phase");

    public static FieldSet PodIp { get; } = FieldSet.Of("a pod IP", strict: true, "ip");

    public static FieldSet ServiceSpec { get; } = FieldSet.Of("a Service spec", strict: true,
        "allocateLoadBalancerNodePorts clusterIP clusterIPs externalIPs externalName externalTrafficPolicy " +
        "healthCheckNodePort internalTrafficPolicy ipFamilies ipFamilyPolicy loadBalancerClass loadBalancerIP " +
        "loadBalancerSourceRanges ports publishNotReadyAddresses selector sessionAffinity sessionAffinityConfig " +
        "trafficDistribution type");

    public static FieldSet ServicePort { get; } = FieldSet.Of("a Service port", strict: true,
        "appProtocol name nodePort port protocol targetPort");

    public static FieldSet NamespaceSpec { get; } = FieldSet.Of("a Namespace spec", strict: true, "finalizers");

    public static FieldSet EndpointSliceEndpoint { get; } = FieldSet.Of("an EndpointSlice endpoint", strict: false,
        "addresses conditions deprecatedTopology hints hostname nodeName targetRef zone", "addresses");

    public static FieldSet EndpointConditions { get; } = FieldSet.Of("endpoint conditions", strict: false, "ready serving terminating");

    public static FieldSet EndpointSlicePort { get; } = FieldSet.Of("an EndpointSlice port", strict: false, "appProtocol name port protocol");

    private const string WorkloadReachability = "replicas selector template";

    public static FieldSet DeploymentSpec { get; } = FieldSet.Of("a Deployment spec", strict: false,
        "minReadySeconds paused progressDeadlineSeconds replicas revisionHistoryLimit selector strategy template", WorkloadReachability);

    public static FieldSet ReplicaSetSpec { get; } = FieldSet.Of("a ReplicaSet spec", strict: false,
        "minReadySeconds replicas selector template", WorkloadReachability);

    public static FieldSet ReplicationControllerSpec { get; } = FieldSet.Of("a ReplicationController spec", strict: false,
        "minReadySeconds replicas selector template", WorkloadReachability);

    public static FieldSet StatefulSetSpec { get; } = FieldSet.Of("a StatefulSet spec", strict: false,
        "minReadySeconds ordinals persistentVolumeClaimRetentionPolicy podManagementPolicy replicas revisionHistoryLimit " +
        "selector serviceName template updateStrategy volumeClaimTemplates", WorkloadReachability + " serviceName");

    public static FieldSet DaemonSetSpec { get; } = FieldSet.Of("a DaemonSet spec", strict: false,
        "minReadySeconds revisionHistoryLimit selector template updateStrategy", WorkloadReachability);

    public static FieldSet JobSpec { get; } = FieldSet.Of("a Job spec", strict: false,
        "activeDeadlineSeconds backoffLimit backoffLimitPerIndex completionMode completions managedBy manualSelector " +
        "maxFailedIndexes parallelism podFailurePolicy podReplacementPolicy selector successPolicy suspend template " +
        "ttlSecondsAfterFinished", WorkloadReachability);

    public static FieldSet CronJobSpec { get; } = FieldSet.Of("a CronJob spec", strict: false,
        "concurrencyPolicy failedJobsHistoryLimit jobTemplate schedule startingDeadlineSeconds successfulJobsHistoryLimit " +
        "suspend timeZone", "jobTemplate");
}
