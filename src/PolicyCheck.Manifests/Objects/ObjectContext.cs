using System.Collections.Immutable;
using PolicyCheck.Core.Diagnostics;
using PolicyCheck.Core.Model;
using PolicyCheck.Yaml;

namespace PolicyCheck.Manifests.Objects;

/// <summary>
/// Reading one object: typed access to its nodes, each mismatch reported at the node's span with the object's name
/// appended (<see cref="Subject"/>, e.g. <c>the NetworkPolicy 'prod/web'</c>). Any error rejects the object, but
/// reading goes on so that one run reports all of its problems.
/// </summary>
internal sealed class ObjectContext
{
    private readonly List<Diagnostic> _diagnostics;

    public ObjectContext(string path, List<Diagnostic> diagnostics)
    {
        Path = path;
        _diagnostics = diagnostics;
    }

    public string Path { get; }

    /// <summary>How messages name the object: <c>the Deployment 'shop/web'</c>, or <c>the object</c> before its kind is known.</summary>
    public string Subject { get; set; } = "the object";

    /// <summary>True once an error was reported: the API server would refuse the object, so it is left out.</summary>
    public bool Rejected { get; private set; }

    public SourceSpan Span(YamlNode node) => new(Path, node.Start.Line, node.Start.Column, node.End.Line, node.End.Column);

    /// <summary>Reports an error at <paramref name="at"/>; the subject is appended as the last message argument.</summary>
    public void Reject(DiagnosticDescriptor descriptor, YamlNode at, params object?[] arguments)
    {
        Rejected = true;
        _diagnostics.Add(Diagnostic.Create(descriptor, Span(at), [.. arguments, Subject]));
    }

    /// <summary>
    /// A context for one list entry of the object (a container port, a Service port): its errors are reported as
    /// leaving out that entry only (<see cref="Rejected"/> of the part), and the object itself still loads.
    /// </summary>
    public ObjectContext Part(string part) => new(Path, _diagnostics) { Subject = $"this {part} of {Subject}" };

    /// <summary>Reports a warning or note (or an error that spoils only a part) without leaving the object out.</summary>
    public void Report(DiagnosticDescriptor descriptor, YamlNode at, params object?[] arguments) =>
        _diagnostics.Add(Diagnostic.Create(descriptor, Span(at), [.. arguments, Subject]));

    /// <summary>An unknown field that the API server refuses and that would change meaning: the object is left out.</summary>
    public void RejectUnknown(YamlScalar key, string where, FieldSet? known = null) =>
        Reject(LoadDiagnostics.UnknownField, key, key.Value, where, SuggestionText(known?.Suggest(key.Value)));

    /// <summary>
    /// Reports every key of <paramref name="mapping"/> that <paramref name="fields"/> does not know, as strict field
    /// validation would: an error (the object is left out) on a strict level or near a reachability field, else a warning.
    /// </summary>
    public void CheckFields(YamlMapping? mapping, FieldSet fields)
    {
        foreach (var (key, _) in mapping?.Entries ?? [])
        {
            if (fields.Fields.Contains(key.Value))
                continue;
            var suggestion = fields.Suggest(key.Value);
            if (fields.Strict || (suggestion is not null && fields.Reachability.Contains(suggestion)))
                Reject(LoadDiagnostics.UnknownField, key, key.Value, fields.Description, SuggestionText(suggestion));
            else
                Report(LoadDiagnostics.UnknownFieldIgnored, key, key.Value, fields.Description, SuggestionText(suggestion));
        }
    }

    private static string SuggestionText(string? suggestion) => suggestion is null ? string.Empty : $" (did you mean '{suggestion}'?)";

    /// <summary>A mapping, or null when the field is absent or null.</summary>
    public YamlMapping? ReadMapping(YamlNode? node, string field)
    {
        switch (node)
        {
            case null or YamlScalar { IsNull: true }:
                return null;
            case YamlMapping mapping:
                return mapping;
            default:
                WrongType(node, field, "a mapping");
                return null;
        }
    }

    /// <summary>A list item that must be a mapping; a null item counts as <c>{}</c>, as Go decodes it.</summary>
    public YamlMapping? ReadItem(YamlNode node, string field) =>
        node is YamlScalar { IsNull: true } ? YamlMapping.EmptyAt(node) : ReadMapping(node, field);

    /// <summary>
    /// A list of objects read by <paramref name="read"/> (given each item and its index), or null when the field is
    /// absent or null. Items that are not mappings are reported; a null item reads as <c>{}</c>.
    /// </summary>
    public ImmutableArray<T>? ReadList<T>(YamlNode? node, string field, Func<YamlMapping, int, T?> read)
        where T : class
    {
        var list = ReadSequence(node, field);
        if (list is null)
            return null;
        var items = ImmutableArray.CreateBuilder<T>(list.Items.Length);
        for (var index = 0; index < list.Items.Length; index++)
        {
            if (ReadItem(list.Items[index], field) is { } mapping && read(mapping, index) is { } item)
                items.Add(item);
        }

        return items.DrainToImmutable();
    }

    /// <summary>A list, or null when the field is absent or null (which Kubernetes treats alike).</summary>
    public YamlSequence? ReadSequence(YamlNode? node, string field)
    {
        switch (node)
        {
            case null or YamlScalar { IsNull: true }:
                return null;
            case YamlSequence sequence:
                return sequence;
            default:
                WrongType(node, field, "a list");
                return null;
        }
    }

    /// <summary>A string, or null when absent or null. Unquoted booleans and numbers are not strings in Kubernetes.</summary>
    public string? ReadString(YamlNode? node, string field)
    {
        switch (node)
        {
            case null:
                return null;
            case YamlScalar scalar:
                switch (scalar.Kind)
                {
                    case ScalarKind.Null:
                        return null;
                    case ScalarKind.String:
                        return scalar.Value;
                    default:
                        Reject(LoadDiagnostics.NonStringScalar, scalar, field, scalar.Value,
                            scalar.Kind == ScalarKind.Bool ? "boolean" : "number");
                        return null;
                }

            default:
                WrongType(node, field, "a string");
                return null;
        }
    }

    public int? ReadInteger(YamlNode? node, string field)
    {
        switch (node)
        {
            case null or YamlScalar { IsNull: true }:
                return null;
            case YamlScalar scalar when scalar.TryGetInteger(out var value) && value is >= int.MinValue and <= int.MaxValue:
                return (int)value;
            default:
                WrongType(node, field, "an integer");
                return null;
        }
    }

    public bool? ReadBoolean(YamlNode? node, string field)
    {
        switch (node)
        {
            case null or YamlScalar { IsNull: true }:
                return null;
            case YamlScalar scalar when scalar.TryGetBoolean(out var value):
                return value;
            default:
                WrongType(node, field, "a boolean");
                return null;
        }
    }

    /// <summary>An IntOrString port: an unquoted integer is a number, anything quoted or not numeric a name.</summary>
    public PortValue? ReadIntOrString(YamlNode? node, string field)
    {
        switch (node)
        {
            case null or YamlScalar { IsNull: true }:
                return null;
            case YamlScalar { Kind: ScalarKind.String } scalar:
                return PortValue.Of(scalar.Value);
            case YamlScalar scalar when scalar.TryGetInteger(out var value) && value is >= int.MinValue and <= int.MaxValue:
                return PortValue.Of((int)value);
            default:
                WrongType(node, field, "a port number or name");
                return null;
        }
    }

    /// <summary>
    /// A port number in 1–65535. With <paramref name="zeroMeansUnset"/>, 0 reads as not written, as the API server
    /// defaults a Service's <c>targetPort: 0</c> and allocates <c>nodePort: 0</c>.
    /// </summary>
    public int? ReadPort(YamlNode? node, string field, bool zeroMeansUnset = false)
    {
        var number = ReadInteger(node, field);
        if (number == 0 && zeroMeansUnset)
            return null;
        if (number is < 1 or > 65535)
            Reject(LoadDiagnostics.PortOutOfRange, node!, number, field); // a number was read, so the node exists
        return number;
    }

    /// <summary>
    /// A protocol, spelled exactly as the API does. Absent or null gives null; an empty string means TCP where the
    /// API server defaults it (<paramref name="emptyMeansTcp"/>: container and service ports) and is an error elsewhere.
    /// </summary>
    public Protocol? ReadProtocol(YamlNode? node, string field, bool emptyMeansTcp)
    {
        var text = ReadString(node, field);
        if (text is null || (text.Length == 0 && emptyMeansTcp))
            return text is null ? null : Protocol.Tcp;
        if (ProtocolNames.TryParse(text, out var protocol))
            return protocol;
        Reject(LoadDiagnostics.InvalidProtocol, node!, text); // text was read, so the node exists
        return null;
    }

    private void WrongType(YamlNode node, string field, string expected) =>
        Reject(LoadDiagnostics.WrongType, node, field, expected, node.Describe());
}
