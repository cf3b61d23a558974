using System.Collections.Immutable;
using System.Globalization;
using PolicyCheck.Core.Model;
using PolicyCheck.Manifests.Objects;
using PolicyCheck.Manifests.Syntax;
using PolicyCheck.Yaml;

namespace PolicyCheck.Manifests.Operators;

/// <summary>
/// Reads a list of operator entries (the shipped catalogue's <c>operators:</c>, or the same key of a
/// <c>.policycheck.yaml</c>) with our own YAML reader, no reflection. Every problem is an error at its file:line:col;
/// an entry with one is left out.
/// </summary>
public static class OperatorCatalogReader
{
    private static readonly string[] EntryKeys =
    [
        "group", "kind", "operator", "version", "source", "creates", "name", "replicas", "shards", "firstOrdinal",
        "labelsFrom", "labels", "firstPodLabels", "otherPodLabels", "ports", "forEach", "copiedLabelsWin",
    ];

    private static readonly string[] PortKeys = ["name", "port", "protocol", "nameFrom", "portFrom", "when", "unless"];

    /// <summary>The entries of <paramref name="node"/> (a list), adding each problem to <paramref name="errors"/>.</summary>
    public static ImmutableArray<OperatorEntry> Read(YamlNode? node, string path, ICollection<OperatorCatalogError> errors)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(errors);
        var reader = new EntryReader(path, errors);
        if (node is null or YamlScalar { IsNull: true })
            return [];
        if (node is not YamlSequence list)
        {
            reader.Error(node, $"'operators' must be a list of entries, not {node.Describe()}.");
            return [];
        }

        var entries = ImmutableArray.CreateBuilder<OperatorEntry>();
        foreach (var item in list.Items)
        {
            if (reader.Entry(item) is { } entry)
                entries.Add(entry);
        }

        return entries.ToImmutable();
    }

    /// <summary>Reads the <c>operators:</c> list of a whole catalogue file such as the shipped <c>policies/operators.yaml</c>.</summary>
    public static ImmutableArray<OperatorEntry> ReadFile(string text, string path, ICollection<OperatorCatalogError> errors)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(errors);
        var diagnostics = new List<Core.Diagnostics.Diagnostic>();
        YamlNode? root = null;
        new YamlDocumentReader(path, diagnostics).Read(text, document => root ??= document.Root, CancellationToken.None);
        foreach (var diagnostic in diagnostics)
            errors.Add(new OperatorCatalogError(diagnostic.Span, diagnostic.Message));
        if (root is not YamlMapping mapping || mapping.Entries.Length != 1 || mapping["operators"] is not { } operators)
        {
            if (diagnostics.Count == 0)
                errors.Add(new OperatorCatalogError(SourceSpan.At(path, 1, 1), "An operator catalogue is a mapping with the one key 'operators'."));
            return [];
        }

        return Read(operators, path, errors);
    }

    private sealed class EntryReader(string path, ICollection<OperatorCatalogError> errors)
    {
        private bool _failed;

        public void Error(YamlNode node, string message)
        {
            _failed = true;
            errors.Add(new OperatorCatalogError(new SourceSpan(path, node.Start.Line, node.Start.Column, node.End.Line, node.End.Column), message));
        }

        public OperatorEntry? Entry(YamlNode node)
        {
            _failed = false;
            if (Mapping(node, "an operator entry", EntryKeys) is not { } entry)
                return null;
            var group = Text(entry, "group", required: true);
            var kind = Text(entry, "kind", required: true);
            var what = $"{kind ?? "the entry"}";
            if (group is not null && (!group.Contains('.', StringComparison.Ordinal) || !LabelSyntax.IsDnsSubdomain(group)))
                Error(entry["group"]!, $"The group '{group}' of {what} must be a custom resource's API group, a DNS subdomain with a dot such as 'monitoring.coreos.com'.");
            if (kind is not null && ManifestKinds.CheckKind(kind) is not null)
                Error(entry["kind"]!, $"The kind '{kind}' is not valid: letters, digits and '-', starting with a letter.");
            var operatorName = Text(entry, "operator", required: true);
            var creates = Creates(entry);
            var name = Text(entry, "name", required: creates is OperatorCreates.StatefulSet or OperatorCreates.Pods) ?? string.Empty;
            var (replicasField, defaultReplicas) = Replicas(entry["replicas"]);
            var (shardsField, shardSuffix) = Shards(entry["shards"], creates);
            var firstOrdinal = Integer(entry["firstOrdinal"], "firstOrdinal", 0) ?? 0;
            var labelsFrom = FieldList(entry["labelsFrom"], "labelsFrom");
            var labels = LabelMap(entry["labels"], "labels");
            var firstPodLabels = LabelMap(entry["firstPodLabels"], "firstPodLabels");
            var otherPodLabels = LabelMap(entry["otherPodLabels"], "otherPodLabels");
            var ports = Ports(entry["ports"]);
            if (creates is OperatorCreates.Nothing)
            {
                foreach (var key in new[] { "name", "replicas", "shards", "labelsFrom", "labels", "firstPodLabels", "otherPodLabels", "ports" })
                {
                    if (entry[key] is { } given)
                        Error(given, $"'{key}' describes pods, but {what} has 'creates: nothing'.");
                }
            }

            if (creates is not OperatorCreates.Pods && (entry["firstPodLabels"] ?? entry["otherPodLabels"] ?? entry["firstOrdinal"]) is { } podOnly)
                Error(podOnly, $"'firstOrdinal', 'firstPodLabels' and 'otherPodLabels' apply to 'creates: Pods' only.");
            var forEach = Field(entry["forEach"], "forEach");
            if (forEach is not null && (creates is not OperatorCreates.StatefulSet || shardsField is not null))
                Error(entry["forEach"]!, "'forEach' applies to 'creates: StatefulSet' without 'shards' only.");
            var copiedLabelsWin = Boolean(entry["copiedLabelsWin"], "copiedLabelsWin") ?? false;
            if (_failed || group is null || kind is null || operatorName is null || creates is null)
                return null;
            return new OperatorEntry(group, kind, operatorName, Text(entry, "version", required: false), Text(entry, "source", required: false),
                creates.Value, name, replicasField, defaultReplicas, shardsField, shardSuffix, firstOrdinal, labelsFrom, labels,
                firstPodLabels, otherPodLabels, ports,
                new SourceSpan(path, node.Start.Line, node.Start.Column, node.End.Line, node.End.Column))
            {
                ForEach = forEach,
                CopiedLabelsWin = copiedLabelsWin,
            };
        }

        private OperatorCreates? Creates(YamlMapping entry)
        {
            switch (Text(entry, "creates", required: true))
            {
                case null:
                    return null;
                case "StatefulSet":
                    return OperatorCreates.StatefulSet;
                case "Pods":
                    return OperatorCreates.Pods;
                case "nothing":
                    return OperatorCreates.Nothing;
                case var other:
                    Error(entry["creates"]!, $"'creates: {other}' is not valid; use StatefulSet, Pods or nothing.");
                    return null;
            }
        }

        private (string? Field, int Default) Replicas(YamlNode? node)
        {
            if (Mapping(node, "'replicas'", ["field", "default"]) is not { } replicas)
                return (null, 1);
            return (Field(replicas["field"], "replicas.field"), Integer(replicas["default"], "replicas.default", 0) ?? 1);
        }

        private (string? Field, string Suffix) Shards(YamlNode? node, OperatorCreates? creates)
        {
            if (Mapping(node, "'shards'", ["field", "suffix"]) is not { } shards)
                return (null, string.Empty);
            if (creates is not OperatorCreates.StatefulSet)
                Error(node!, "'shards' applies to 'creates: StatefulSet' only.");
            var field = Field(shards["field"], "shards.field");
            var suffix = Scalar(shards["suffix"], "shards.suffix");
            if (field is null)
                Error(shards, "'shards' needs 'field', the field path of the number of shards.");
            if (suffix is null || !suffix.Contains("{shard}", StringComparison.Ordinal))
                Error(shards["suffix"] ?? shards, "'shards' needs a 'suffix' holding '{shard}', such as '-shard-{shard}', so that each shard's StatefulSet has its own name.");
            return (field, suffix ?? string.Empty);
        }

        private ImmutableArray<OperatorPort> Ports(YamlNode? node)
        {
            if (node is null or YamlScalar { IsNull: true })
                return [];
            if (node is not YamlSequence list)
            {
                Error(node, $"'ports' must be a list of ports, not {node.Describe()}.");
                return [];
            }

            var ports = ImmutableArray.CreateBuilder<OperatorPort>();
            foreach (var item in list.Items)
            {
                if (Mapping(item, "a port", PortKeys) is not { } port)
                    continue;
                var name = Scalar(port["name"], "name");
                if (name is null)
                    Error(port, "A port needs a 'name'.");
                else if (PortNameSyntax.CheckServiceName(name) is { } problem)
                    Error(port["name"]!, $"The port name '{name}' is not valid: {problem}.");
                var number = Integer(port["port"], "port", 1);
                if (number is null)
                    Error(port["port"] ?? port, "A port needs a 'port' number in 1-65535.");
                else if (number > 65535)
                    Error(port["port"]!, $"The port {number} is out of range; use 1-65535.");
                var protocol = Protocol.Tcp;
                if (Scalar(port["protocol"], "protocol") is { } text && !ProtocolNames.TryParse(text, out protocol))
                    Error(port["protocol"]!, $"The protocol '{text}' is not valid; use TCP, UDP or SCTP.");
                if (name is not null && number is { } valid)
                {
                    ports.Add(new OperatorPort(name, valid, protocol, Field(port["nameFrom"], "nameFrom"), Field(port["portFrom"], "portFrom"),
                        Field(port["when"], "when"), Field(port["unless"], "unless")));
                }
            }

            return ports.ToImmutable();
        }

        private ImmutableArray<KeyValuePair<string, string>> LabelMap(YamlNode? node, string what)
        {
            if (Mapping(node, $"'{what}'", keys: null) is not { } map)
                return [];
            var labels = ImmutableArray.CreateBuilder<KeyValuePair<string, string>>();
            foreach (var (key, value) in map.Entries)
            {
                if (LabelSyntax.CheckKey(key.Value) is { } problem)
                    Error(key, $"The label key '{key.Value}' in '{what}' is not valid: {problem}.");
                else if (Scalar(value, $"{what}.{key.Value}") is { } text)
                    labels.Add(new(key.Value, text));
                else
                    Error(value, $"The label '{key.Value}' in '{what}' needs a value.");
            }

            return labels.ToImmutable();
        }

        private ImmutableArray<string> FieldList(YamlNode? node, string what)
        {
            if (node is YamlSequence list)
                return [.. list.Items.Select(i => Field(i, what)).OfType<string>()];
            return Field(node, what) is { } one ? [one] : [];
        }

        /// <summary>A field path such as <c>spec.podMetadata.labels</c>: dot-separated keys, none empty.</summary>
        private string? Field(YamlNode? node, string what)
        {
            if (Scalar(node, what) is not { } text)
                return null;
            if (text.Split('.').Any(part => part.Length == 0))
            {
                Error(node!, $"'{what}' must be a field path of keys joined by '.', such as 'spec.replicas', not '{text}'.");
                return null;
            }

            return text;
        }

        private bool? Boolean(YamlNode? node, string what)
        {
            switch (node)
            {
                case null or YamlScalar { IsNull: true }:
                    return null;
                case YamlScalar scalar when scalar.TryGetBoolean(out var value):
                    return value;
                default:
                    Error(node, $"'{what}' must be true or false, not {node.Describe()}.");
                    return null;
            }
        }

        private int? Integer(YamlNode? node, string what, int minimum)
        {
            switch (node)
            {
                case null or YamlScalar { IsNull: true }:
                    return null;
                case YamlScalar scalar when scalar.TryGetInteger(out var value) && value >= minimum && value <= int.MaxValue:
                    return (int)value;
                default:
                    Error(node, $"'{what}' must be a whole number of at least {minimum.ToString(CultureInfo.InvariantCulture)}, not {node.Describe()}.");
                    return null;
            }
        }

        private string? Text(YamlMapping entry, string key, bool required)
        {
            var text = Scalar(entry[key], key);
            if (required && string.IsNullOrEmpty(text))
                Error(entry[key] ?? entry, $"An operator entry needs '{key}'.");
            return string.IsNullOrEmpty(text) ? null : text;
        }

        private string? Scalar(YamlNode? node, string what)
        {
            switch (node)
            {
                case null or YamlScalar { IsNull: true }:
                    return null;
                case YamlScalar scalar:
                    return scalar.Value;
                default:
                    Error(node, $"'{what}' must be a single value, not {node.Describe()}.");
                    return null;
            }
        }

        private YamlMapping? Mapping(YamlNode? node, string what, string[]? keys)
        {
            if (node is null or YamlScalar { IsNull: true })
                return null;
            if (node is not YamlMapping mapping)
            {
                Error(node, $"{char.ToUpperInvariant(what[0])}{what[1..]} must be a mapping, not {node.Describe()}.");
                return null;
            }

            foreach (var (key, _) in mapping.Entries)
            {
                if (keys is not null && !keys.Contains(key.Value, StringComparer.Ordinal))
                    Error(key, $"Unknown key '{key.Value}' in {what}; use {string.Join(", ", keys.Select(k => $"'{k}'"))}.");
            }

            return mapping;
        }
    }
}
