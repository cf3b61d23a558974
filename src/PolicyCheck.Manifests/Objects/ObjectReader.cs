using PolicyCheck.Core.Diagnostics;
using PolicyCheck.Core.Model;
using PolicyCheck.Manifests.Grouping;
using PolicyCheck.Manifests.Operators;
using PolicyCheck.Yaml;

namespace PolicyCheck.Manifests.Objects;

/// <summary>
/// Reads the objects of one document: a single object, or the items of a <c>List</c> or typed list
/// (<c>PodList</c>, …) as <c>kubectl get -o yaml|json</c> prints them. Known kinds go to their reader and then to the
/// <see cref="ClusterBuilder"/>; other kinds are counted as skipped.
/// </summary>
internal sealed class ObjectReader
{
    private readonly string _path;
    private readonly List<Diagnostic> _diagnostics;
    private readonly LoadOptions _options;
    private readonly ClusterBuilder _builder;
    private readonly LoadCounters _counters;
    private readonly List<ObjectLocation> _locations;

    public ObjectReader(string path, List<Diagnostic> diagnostics, LoadOptions options, ClusterBuilder builder, LoadCounters counters, List<ObjectLocation> locations)
    {
        _locations = locations;
        _path = path;
        _diagnostics = diagnostics;
        _options = options;
        _builder = builder;
        _counters = counters;
    }

    public void Read(YamlDocument document) => ReadObject(document, document.Root, listKind: null, listApiVersion: null);

    /// <param name="listKind">The item kind a typed list implies (<c>Pod</c> in a <c>PodList</c>); items may omit it.</param>
    private void ReadObject(YamlDocument document, YamlNode node, string? listKind, string? listApiVersion)
    {
        var context = new ObjectContext(_path, _diagnostics);
        if (node is not YamlMapping root)
        {
            _counters.Objects++;
            context.Reject(LoadDiagnostics.NotAnObject, node, DescribeShape(node));
            return;
        }

        var kind = NonEmpty(context.ReadString(root["kind"], "kind")) ?? listKind;
        var apiVersion = NonEmpty(context.ReadString(root["apiVersion"], "apiVersion")) ?? listApiVersion;
        if (kind is not null && kind.EndsWith("List", StringComparison.Ordinal) && root["items"] is not null)
        {
            ReadList(document, context, root, kind, apiVersion);
            return;
        }

        _counters.Objects++;
        if (document.HasFaultWithin(root) || context.Rejected)
            return; // already reported
        if (kind is null || apiVersion is null)
        {
            if (kind is null)
                context.Reject(LoadDiagnostics.MissingTypeField, root, "kind");
            if (apiVersion is null)
                context.Reject(LoadDiagnostics.MissingTypeField, root, "apiVersion");
            return;
        }

        if (ManifestKinds.CheckApiVersion(apiVersion) is { } apiVersionProblem)
        {
            // The API server refuses any object with such an apiVersion, whatever its kind.
            context.Subject = PeekSubject(root, kind, kind != nameof(ManifestKind.Namespace));
            context.Reject(LoadDiagnostics.InvalidApiVersion, root["apiVersion"] ?? root, apiVersion, apiVersionProblem);
            return;
        }

        if (ManifestKinds.CheckKind(kind) is { } suggestion)
        {
            // Like a malformed apiVersion: no API serves such a kind, so it is a broken object, not one to skip.
            context.Subject = PeekSubject(root, "object", namespaced: true);
            context.Reject(LoadDiagnostics.InvalidKind, root["kind"] ?? root, kind, suggestion);
            return;
        }

        var group = ManifestKinds.Group(apiVersion);
        if (!ManifestKinds.TryFind(kind, out var manifestKind, out var served))
        {
            if (ManifestKinds.IsKubernetesGroup(group) && ManifestKinds.CaseInsensitiveMatch(kind) is { } spelt)
            {
                ManifestKinds.TryFind(spelt, out var speltKind, out var speltServed);
                context.Subject = PeekSubject(root, kind, speltKind != ManifestKind.Namespace);
                context.Reject(LoadDiagnostics.KindCaseMismatch, root["kind"] ?? root, kind, spelt, speltServed);
                return;
            }

            if (ManifestKinds.IsKubernetesGroup(group))
                _counters.Skip(kind);
            else
                ReadCustomResource(context, root, kind, group, kind);
            return;
        }

        var namespaced = manifestKind != ManifestKind.Namespace;
        if (!ManifestKinds.IsGroupOf(manifestKind, served, group) && !ManifestKinds.IsKubernetesGroup(group))
        {
            ReadCustomResource(context, root, kind, group, $"{kind}.{group}"); // one that shares the name, e.g. Knative's Service
            return;
        }

        if (apiVersion != served)
        {
            context.Subject = PeekSubject(root, kind, namespaced);
            if (ManifestKinds.IsRetired(manifestKind, apiVersion))
                context.Reject(LoadDiagnostics.UnservedApiVersion, root["apiVersion"] ?? root, apiVersion, kind, served);
            else
                context.Reject(LoadDiagnostics.WrongApiVersion, root["apiVersion"] ?? root, kind, served, apiVersion);
            return;
        }

        context.Subject = PeekSubject(root, kind, namespaced);
        context.CheckFields(root, manifestKind == ManifestKind.EndpointSlice ? ObjectFields.EndpointSlice : ObjectFields.Object);
        var metadata = MetadataReader.Read(context, root, kind, namespaced, _options.DefaultNamespace);
        if (metadata is null)
            return;
        _locations.Add(new ObjectLocation(kind, metadata.Namespace, metadata.Name, context.Span(root), metadata.NameSpan, metadata.Suppression));
        ReadKind(context, root, metadata, manifestKind);
    }

    /// <summary>
    /// A custom resource: a policy kind PolicyCheck does not evaluate is reported and kept; a kind of the operator
    /// catalogue becomes the workloads its operator creates; any other is skipped, and kept as unmodelled so that a
    /// selector matching nothing in its namespace can say it may select that operator's pods.
    /// </summary>
    private void ReadCustomResource(ObjectContext context, YamlMapping root, string kind, string group, string skippedAs)
    {
        if (UnevaluatedKinds.Find(group, kind) is { } unevaluated)
        {
            var resource = Peek(root, kind, group, unevaluated.ClusterWide);
            _builder.AddUnevaluated(resource);
            var scope = unevaluated.ClusterWide ? "in every namespace" : $"in namespace '{resource.Namespace}'";
            _diagnostics.Add(Diagnostic.Create(LoadDiagnostics.UnevaluatedPolicy, context.Span(root), kind, resource.Id, group,
                unevaluated.Plugin, scope, resource.QualifiedKind));
            _counters.Skip(skippedAs);
            return;
        }

        if (!_options.Operators.TryFind(group, kind, out var entry))
        {
            _builder.AddUnmodelled(Peek(root, kind, group, clusterWide: false));
            _counters.Skip(skippedAs);
            return;
        }

        if (entry.Creates == OperatorCreates.Nothing)
        {
            _counters.Skip(skippedAs);
            return;
        }

        context.Subject = PeekSubject(root, kind, namespaced: true);
        var metadata = MetadataReader.Read(context, root, kind, namespaced: true, _options.DefaultNamespace);
        if (metadata is null)
            return;
        _locations.Add(new ObjectLocation(kind, metadata.Namespace, metadata.Name, context.Span(root), metadata.NameSpan, metadata.Suppression));
        var from = new ObjectRef(kind, metadata.Namespace, metadata.Name);
        var (workloads, pods) = OperatorWorkloads.Create(context, root, metadata, entry);
        foreach (var workload in workloads)
            _builder.AddCreated(workload, from);
        foreach (var pod in pods)
            _builder.AddCreated(pod, from);
    }

    /// <summary>A custom resource's kind, namespace and name as written, without judging its metadata (its CRD's business).</summary>
    private CustomResource Peek(YamlMapping root, string kind, string group, bool clusterWide)
    {
        var metadata = root["metadata"] as YamlMapping;
        string? Text(string key) => metadata?[key] is YamlScalar { Kind: ScalarKind.String, Value.Length: > 0 } scalar ? scalar.Value : null;
        var ns = clusterWide ? string.Empty : Text("namespace") ?? _options.DefaultNamespace;
        var span = new SourceSpan(_path, root.Start.Line, root.Start.Column, root.End.Line, root.End.Column);
        return new CustomResource(kind, group, ns, Text("name") ?? "(no name)", span);
    }

    private void ReadKind(ObjectContext context, YamlMapping root, ObjectMetadata metadata, ManifestKind kind)
    {
        switch (kind)
        {
            case ManifestKind.Namespace:
                if (NamespaceReader.Read(context, root, metadata) is { } ns)
                    _builder.Add(ns);
                break;
            case ManifestKind.Pod:
                if (PodReader.Read(context, root, metadata) is not { } pod)
                    break;
                if (pod.IsFinished)
                    _counters.Skip(nameof(ManifestKind.Pod));
                else
                    _builder.Add(pod);
                break;
            case ManifestKind.Service:
                if (ServiceReader.Read(context, root, metadata) is { } service)
                    _builder.Add(service);
                break;
            case ManifestKind.NetworkPolicy:
                if (NetworkPolicyReader.Read(context, root, metadata) is { } policy)
                    _builder.Add(policy);
                break;
            case ManifestKind.EndpointSlice:
                EndpointSliceReader.Read(context, root, metadata);
                break;
            default:
                // Every remaining kind is a controller (ManifestKinds.ToWorkloadKind maps each of them).
                var workloadKind = ManifestKinds.ToWorkloadKind(kind)!.Value;
                if (WorkloadReader.Read(context, root, metadata, workloadKind) is { } workload)
                    _builder.Add(workload);
                break;
        }
    }

    private void ReadList(YamlDocument document, ObjectContext context, YamlMapping root, string kind, string? apiVersion)
    {
        context.Subject = $"the {kind}";
        var items = context.ReadSequence(root["items"], "items");
        if (context.Rejected || items is null)
            return;
        foreach (var fault in document.Faults)
        {
            // A fault in the list's own fields, outside every item, spoils the whole list.
            if (root.Contains(fault) && !items.Items.Any(i => i.Contains(fault)))
                return;
        }

        var itemKind = kind == "List" ? null : kind[..^"List".Length];
        var itemApiVersion = kind == "List" ? null : apiVersion;
        foreach (var item in items.Items)
            ReadObject(document, item, itemKind, itemApiVersion);
    }

    /// <summary>Names an object that is left out before its metadata is read.</summary>
    private string PeekSubject(YamlMapping root, string kind, bool namespaced)
    {
        var metadata = root["metadata"] as YamlMapping;
        string? Text(string key) => metadata?[key] is YamlScalar { Kind: ScalarKind.String, Value.Length: > 0 } scalar ? scalar.Value : null;
        var name = Text("name");
        if (name is null)
            return $"the {kind} with no name";
        return namespaced ? $"the {kind} '{Text("namespace") ?? _options.DefaultNamespace}/{name}'" : $"the {kind} '{name}'";
    }

    /// <summary>
    /// What a document is, without quoting it: a file that is not a manifest (a credentials file, a script) must not
    /// reach the diagnostics, and so SARIF logs, with its content.
    /// </summary>
    private static string DescribeShape(YamlNode node) => node switch
    {
        YamlSequence => "a list",
        YamlScalar { Kind: ScalarKind.Null } => "null",
        YamlScalar { Kind: ScalarKind.Bool } => "a boolean",
        YamlScalar { Kind: ScalarKind.Int or ScalarKind.Float } => "a number",
        YamlScalar scalar => $"text of {scalar.Value.Length} characters (not shown)",
        _ => "a value that is not a mapping",
    };

    private static string? NonEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;
}
