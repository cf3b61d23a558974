using PolicyCheck.Core.Model;
using PolicyCheck.Yaml;

namespace PolicyCheck.Manifests.Objects;

/// <summary>Reads the controllers that create pods from a template.</summary>
internal static class WorkloadReader
{
    public static LoadedWorkload? Read(ObjectContext context, YamlMapping root, ObjectMetadata metadata, WorkloadKind kind)
    {
        var spec = context.ReadMapping(root["spec"], "spec");
        context.CheckFields(spec, SpecFields(kind));
        if (kind == WorkloadKind.ReplicationController)
            LabelReader.Read(context, spec?["selector"], "selector"); // a plain map for this older kind
        else if (kind != WorkloadKind.CronJob)
            SelectorReader.Read(context, spec?["selector"], "selector", strict: true);
        YamlNode? templateNode;
        string templatePath;
        if (kind == WorkloadKind.CronJob)
        {
            var jobTemplate = context.ReadMapping(spec?["jobTemplate"], "jobTemplate");
            context.CheckFields(jobTemplate, ObjectFields.JobTemplate);
            context.CheckFields(context.ReadMapping(jobTemplate?["metadata"], "metadata"), ObjectFields.Metadata);
            var jobSpec = context.ReadMapping(jobTemplate?["spec"], "spec");
            context.CheckFields(jobSpec, ObjectFields.JobSpec);
            SelectorReader.Read(context, jobSpec?["selector"], "selector", strict: true);
            templateNode = jobSpec?["template"];
            templatePath = "spec.jobTemplate.spec.template";
        }
        else
        {
            templateNode = spec?["template"];
            templatePath = "spec.template";
        }

        var replicas = 1;
        if (kind is WorkloadKind.Deployment or WorkloadKind.ReplicaSet or WorkloadKind.StatefulSet or WorkloadKind.ReplicationController)
        {
            var replicasNode = spec?["replicas"];
            var written = context.ReadInteger(replicasNode, "replicas");
            if (written < 0)
                context.Reject(LoadDiagnostics.NegativeReplicas, replicasNode!, written); // a value was read from it
            replicas = written ?? 1;
        }

        var ordinalStart = kind == WorkloadKind.StatefulSet ? ReadOrdinalStart(context, spec) : 0;
        var template = PodSpecReader.ReadTemplate(context, templateNode);
        if (kind == WorkloadKind.StatefulSet && template is not null)
        {
            // The StatefulSet controller names each pod's host after the pod and sets spec.serviceName as its subdomain.
            var serviceName = context.ReadString(spec?["serviceName"], "serviceName");
            template = template with { Hostname = null, Subdomain = string.IsNullOrEmpty(serviceName) ? null : serviceName };
        }

        if (templateNode is null or YamlScalar { IsNull: true })
            context.Reject(LoadDiagnostics.MissingField, spec ?? root, templatePath);
        return context.Rejected || template is null
            ? null
            : new LoadedWorkload(kind, metadata.Namespace, metadata.Name, template, replicas, metadata.Controller, context.Span(root))
            {
                OrdinalStart = ordinalStart,
                Uid = ReadUid(context, root),
            };
    }

    /// <summary>
    /// <c>spec.ordinals.start</c> of a StatefulSet: "the index of the first replica", 0 when absent (Kubernetes
    /// 1.31 and later; the pods are then named <c>&lt;set&gt;-&lt;start&gt;</c> onwards).
    /// </summary>
    private static int ReadOrdinalStart(ObjectContext context, YamlMapping? spec)
    {
        var ordinals = context.ReadMapping(spec?["ordinals"], "ordinals");
        var startNode = ordinals?["start"];
        var start = context.ReadInteger(startNode, "start");
        if (start < 0)
            context.Reject(LoadDiagnostics.WrongType, startNode!, "start", "an ordinal of 0 or more", $"the number '{start}'"); // a value was read from it
        return start is > 0 ? start.Value : 0;
    }

    /// <summary><c>metadata.uid</c>, read here rather than with the rest of metadata because only a Job's pods carry it.</summary>
    private static string? ReadUid(ObjectContext context, YamlMapping root) =>
        context.ReadString((root["metadata"] as YamlMapping)?["uid"], "uid") is { Length: > 0 } uid ? uid : null;

    private static FieldSet SpecFields(WorkloadKind kind) => kind switch
    {
        WorkloadKind.Deployment => ObjectFields.DeploymentSpec,
        WorkloadKind.ReplicaSet => ObjectFields.ReplicaSetSpec,
        WorkloadKind.StatefulSet => ObjectFields.StatefulSetSpec,
        WorkloadKind.DaemonSet => ObjectFields.DaemonSetSpec,
        WorkloadKind.Job => ObjectFields.JobSpec,
        WorkloadKind.CronJob => ObjectFields.CronJobSpec,
        _ => ObjectFields.ReplicationControllerSpec,
    };
}
