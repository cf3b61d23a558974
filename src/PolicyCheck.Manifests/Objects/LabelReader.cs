using System.Collections.Immutable;
using PolicyCheck.Core.Model;
using PolicyCheck.Manifests.Syntax;
using PolicyCheck.Yaml;

namespace PolicyCheck.Manifests.Objects;

/// <summary>Reads a label map (labels, matchLabels, a Service selector), checking key and value syntax.</summary>
internal static class LabelReader
{
    /// <summary>The labels, or null when the field is absent or null.</summary>
    public static ImmutableSortedDictionary<string, string>? Read(ObjectContext context, YamlNode? node, string field)
    {
        var mapping = context.ReadMapping(node, field);
        if (mapping is null)
            return null;
        var labels = Labels.Empty.ToBuilder();
        foreach (var (key, value) in mapping.Entries)
        {
            if (LabelSyntax.CheckKey(key.Value) is { } keyProblem)
                context.Reject(LoadDiagnostics.InvalidLabelKey, key, key.Value, keyProblem);

            // A null value decodes to "" in Go's map[string]string.
            if (value is YamlScalar { IsNull: true })
                context.Report(LoadDiagnostics.NullLabelValue, value, key.Value);
            var text = value is YamlScalar { IsNull: true } ? string.Empty : context.ReadString(value, key.Value);
            if (text is null)
                continue;
            if (LabelSyntax.CheckValue(text) is { } valueProblem)
                context.Reject(LoadDiagnostics.InvalidLabelValue, value, text, valueProblem);
            labels[key.Value] = text;
        }

        return labels.ToImmutable();
    }
}
