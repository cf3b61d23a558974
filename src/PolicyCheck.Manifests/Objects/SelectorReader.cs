using System.Collections.Immutable;
using PolicyCheck.Core.Model;
using PolicyCheck.Core.Selectors;
using PolicyCheck.Manifests.Syntax;
using PolicyCheck.Yaml;

namespace PolicyCheck.Manifests.Objects;

/// <summary>Reads a <c>metav1.LabelSelector</c> and checks it as the API server does.</summary>
internal static class SelectorReader
{
    /// <summary>
    /// The selector, or null when the field is absent or null. With <paramref name="strict"/> (inside a
    /// NetworkPolicy, whose schema is closed and small) a misspelt field is an error rather than ignored.
    /// </summary>
    public static LabelSelector? Read(ObjectContext context, YamlNode? node, string field, bool strict)
    {
        var mapping = context.ReadMapping(node, field);
        if (mapping is null)
            return null;
        var matchLabels = Labels.Empty;
        var requirements = ImmutableArray<LabelRequirement>.Empty;
        foreach (var (key, value) in mapping.Entries)
        {
            switch (key.Value)
            {
                case "matchLabels":
                    matchLabels = LabelReader.Read(context, value, key.Value) ?? Labels.Empty;
                    break;
                case "matchExpressions":
                    requirements = context.ReadList(value, key.Value, (requirement, _) => ReadRequirement(context, requirement, strict)) ?? [];
                    break;
                default:
                    if (strict)
                        context.RejectUnknown(key, "a label selector", ObjectFields.LabelSelector);
                    break;
            }
        }

        return new LabelSelector(matchLabels, requirements, context.Span(mapping));
    }

    private static LabelRequirement? ReadRequirement(ObjectContext context, YamlMapping mapping, bool strict)
    {
        string? key = null;
        string? operatorText = null;
        YamlNode? operatorNode = null;
        YamlSequence? valuesNode = null;
        var values = ImmutableArray.CreateBuilder<string>();
        foreach (var (name, value) in mapping.Entries)
        {
            switch (name.Value)
            {
                case "key":
                    key = context.ReadString(value, name.Value);
                    if (key is not null && LabelSyntax.CheckKey(key) is { } keyProblem)
                        context.Reject(LoadDiagnostics.InvalidLabelKey, value, key, keyProblem);
                    break;
                case "operator":
                    operatorNode = value;
                    operatorText = context.ReadString(value, name.Value);
                    break;
                case "values":
                    valuesNode = context.ReadSequence(value, name.Value);
                    foreach (var item in valuesNode?.Items ?? [])
                    {
                        var text = context.ReadString(item, name.Value);
                        if (text is not null && LabelSyntax.CheckValue(text) is { } problem)
                            context.Reject(LoadDiagnostics.InvalidLabelValue, item, text, problem);
                        if (text is not null)
                            values.Add(text);
                    }

                    break;
                default:
                    if (strict)
                        context.RejectUnknown(name, "a label selector requirement", ObjectFields.Requirement);
                    break;
            }
        }

        if (string.IsNullOrEmpty(key))
            context.Reject(LoadDiagnostics.MissingField, mapping, "key");
        if (string.IsNullOrEmpty(operatorText))
        {
            context.Reject(LoadDiagnostics.MissingField, mapping, "operator");
            return null;
        }

        if (!TryParseOperator(operatorText, out var op))
        {
            context.Reject(LoadDiagnostics.InvalidOperator, operatorNode!, operatorText); // the text came from this node
            return null;
        }

        var count = valuesNode?.Items.Length ?? 0;
        if (op is SelectorOperator.In or SelectorOperator.NotIn && count == 0)
            context.Reject(LoadDiagnostics.OperatorNeedsValues, (YamlNode?)valuesNode ?? mapping, operatorText);
        else if (op is SelectorOperator.Exists or SelectorOperator.DoesNotExist && count > 0)
            context.Reject(LoadDiagnostics.OperatorForbidsValues, valuesNode!, operatorText, count); // count > 0, so the list exists
        return key is null ? null : new LabelRequirement(key, op, values.DrainToImmutable(), context.Span(mapping));
    }

    private static bool TryParseOperator(string text, out SelectorOperator op)
    {
        switch (text)
        {
            case "In": op = SelectorOperator.In; return true;
            case "NotIn": op = SelectorOperator.NotIn; return true;
            case "Exists": op = SelectorOperator.Exists; return true;
            case "DoesNotExist": op = SelectorOperator.DoesNotExist; return true;
            default: op = default; return false;
        }
    }
}
