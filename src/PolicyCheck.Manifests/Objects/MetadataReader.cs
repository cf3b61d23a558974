using PolicyCheck.Core.Diagnostics;
using PolicyCheck.Core.Model;
using PolicyCheck.Manifests.Syntax;
using PolicyCheck.Yaml;

namespace PolicyCheck.Manifests.Objects;

/// <summary>Reads <c>metadata</c>: name and namespace first, so every later message can name the object.</summary>
internal static class MetadataReader
{
    /// <summary>The metadata, or null (reported) when the object has no usable name.</summary>
    public static ObjectMetadata? Read(ObjectContext context, YamlMapping root, string kind, bool namespaced, string defaultNamespace)
    {
        var metadata = context.ReadMapping(root["metadata"], "metadata");
        var name = context.ReadString(metadata?["name"], "name");
        var ns = namespaced ? context.ReadString(metadata?["namespace"], "namespace") : null;
        var resolvedNamespace = !namespaced ? string.Empty : string.IsNullOrEmpty(ns) ? defaultNamespace : ns;
        if (string.IsNullOrEmpty(name))
        {
            context.Subject = $"the {kind} with no name";
            if (!context.Rejected)
                context.Reject(LoadDiagnostics.MissingName, metadata ?? (YamlNode)root);
            return null;
        }

        context.Subject = namespaced ? $"the {kind} '{resolvedNamespace}/{name}'" : $"the {kind} '{name}'";
        context.CheckFields(metadata, ObjectFields.Metadata);
        var read = metadata!; // a name was read, so metadata and its name node exist
        if (NameSyntax.Check(kind, name) is { } nameProblem)
            context.Reject(LoadDiagnostics.InvalidName, read["name"]!, $"{kind} name", name, nameProblem);
        if (!string.IsNullOrEmpty(ns) && NameSyntax.CheckNamespace(ns) is { } namespaceProblem)
            context.Reject(LoadDiagnostics.InvalidName, read["namespace"]!, "namespace", ns, namespaceProblem);
        var labels = LabelReader.Read(context, metadata?["labels"], "labels") ?? Labels.Empty;
        var controller = ReadController(context, metadata?["ownerReferences"]);
        return new ObjectMetadata(name, resolvedNamespace, labels, controller, context.Span(read["name"]!), ReadSuppression(context, root, read));
    }

    /// <summary>
    /// The <c>policycheck.io/ignore</c> annotation. Annotations are otherwise not read, so anything unusual about
    /// them (not a mapping, a non-string value) is left alone here rather than rejecting the object.
    /// </summary>
    private static ObjectSuppression? ReadSuppression(ObjectContext context, YamlMapping root, YamlMapping metadata)
    {
        if (metadata["annotations"] is not YamlMapping annotations ||
            annotations[ObjectSuppression.AnnotationKey] is not YamlScalar { Kind: ScalarKind.String } value)
            return null;
        return ObjectSuppression.Parse(value.Value, context.Span(root), context.Span(value));
    }

    /// <summary>
    /// The owner reference marked <c>controller: true</c>; the API server allows at most one. A reference without
    /// apiVersion, kind, name or uid is refused by the API server: it is reported and ignored, so the object stands
    /// alone rather than being left out (the smallest invalid part is dropped).
    /// </summary>
    private static OwnerReference? ReadController(ObjectContext context, YamlNode? node)
    {
        var references = context.ReadSequence(node, "ownerReferences");
        if (references is null)
            return null;
        OwnerReference? controller = null;
        foreach (var item in references.Items)
        {
            var reference = context.ReadMapping(item, "ownerReferences");
            if (reference is null)
                continue;
            context.CheckFields(reference, ObjectFields.OwnerReference);
            var isController = context.ReadBoolean(reference["controller"], "controller") == true;
            var kind = context.ReadString(reference["kind"], "kind");
            var name = context.ReadString(reference["name"], "name");
            var missing = string.IsNullOrEmpty(kind) ? "kind"
                : string.IsNullOrEmpty(name) ? "name"
                : reference["uid"] is null or YamlScalar { IsNull: true } or YamlScalar { Value.Length: 0 } ? "uid"
                : reference["apiVersion"] is null or YamlScalar { IsNull: true } or YamlScalar { Value.Length: 0 } ? "apiVersion"
                : null;
            if (missing is not null)
                context.Report(LoadDiagnostics.InvalidOwnerReference, reference, missing);
            else if (isController)
                controller ??= new OwnerReference(kind!, name!); // both checked non-empty above
        }

        return controller;
    }
}
