using PolicyCheck.Core.Model;
using PolicyCheck.Yaml;

namespace PolicyCheck.Manifests.Objects;

internal static class NamespaceReader
{
    /// <summary>A declared namespace; the API server always sets the name label, whatever the manifest says.</summary>
    public static Namespace? Read(ObjectContext context, YamlMapping root, ObjectMetadata metadata)
    {
        context.CheckFields(context.ReadMapping(root["spec"], "spec"), ObjectFields.NamespaceSpec);
        return context.Rejected
            ? null
            : new Namespace(metadata.Name, metadata.Labels.SetItem(Namespace.NameLabel, metadata.Name), Declared: true, context.Span(root));
    }
}
