using System.Collections.Immutable;
using PolicyCheck.Core.Diagnostics;
using PolicyCheck.Core.Model;
using PolicyCheck.Yaml;

namespace PolicyCheck.Config;

/// <summary>
/// Reads <c>.policycheck.yaml</c> and lint profiles. Anything it does not understand (a YAML error, an unknown key,
/// a wrong type, a bad severity, a rule ID not in <c>ruleIds</c>) is an error at its file:line:col and the file gives
/// null: a configuration never silently falls back to defaults.
/// </summary>
public static class ConfigReader
{
    private static readonly string[] ConfigKeys = ["profile", "rules", "ignore", "defaults", "cni", "operators", "ignore-kinds"];
    private static readonly string[] ProfileKeys = ["name", "description", "extends", "rules"];
    private static readonly string[] RuleKeys = ["enabled", "severity", "params"];

    public static ConfigFile? ReadConfig(string text, string path, IReadOnlySet<string> ruleIds, out ImmutableArray<SettingsError> errors)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(ruleIds);
        var reader = new Reader(path, ruleIds);
        ConfigFile? config = null;
        if (reader.Parse(text) is not { } root)
        {
            config = reader.Errors.Count == 0 ? ConfigFile.Empty(path) : null;
        }
        else if (reader.Mapping(root, "the configuration", ConfigKeys, isRoot: true) is { } mapping)
        {
            var profile = reader.Scalar(mapping["profile"], "profile");
            var rules = reader.Rules(mapping["rules"]);
            var ignore = reader.ScalarList(mapping["ignore"], "ignore");
            var defaults = reader.Defaults(mapping["defaults"]);
            config = new ConfigFile(path, profile, rules, ignore, defaults)
            {
                Cni = reader.Scalar(mapping["cni"], "cni"),
                Operators = mapping["operators"],
                IgnoreKinds = reader.ScalarList(mapping["ignore-kinds"], "ignore-kinds"),
            };
        }

        errors = [.. reader.Errors];
        return errors.IsEmpty ? config : null;
    }

    public static ProfileFile? ReadProfile(string text, string path, IReadOnlySet<string> ruleIds, out ImmutableArray<SettingsError> errors)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(ruleIds);
        var reader = new Reader(path, ruleIds);
        ProfileFile? profile = null;
        if (reader.Parse(text) is not { } root)
        {
            if (reader.Errors.Count == 0)
                reader.Errors.Add(new SettingsError(SourceSpan.At(path, 1, 1), "The profile is empty; write at least 'rules:'."));
        }
        else if (reader.Mapping(root, "the profile", ProfileKeys, isRoot: true) is { } mapping)
        {
            profile = new ProfileFile(
                path,
                reader.Scalar(mapping["name"], "name")?.Text,
                reader.Scalar(mapping["description"], "description")?.Text,
                reader.Scalar(mapping["extends"], "extends"),
                reader.Rules(mapping["rules"]));
        }

        errors = [.. reader.Errors];
        return errors.IsEmpty ? profile : null;
    }

    private sealed class Reader(string path, IReadOnlySet<string> ruleIds)
    {
        public List<SettingsError> Errors { get; } = [];

        public YamlNode? Parse(string text)
        {
            var diagnostics = new List<Diagnostic>();
            YamlNode? root = null;
            new YamlDocumentReader(path, diagnostics).Read(text, document =>
            {
                if (root is null)
                    root = document.Root;
                else
                    Error(document.Root, "A configuration file holds one YAML document; remove the extra '---' document.");
            }, CancellationToken.None);
            foreach (var diagnostic in diagnostics)
            {
                // The loader's messages go on to say what is left out of the manifests; here the whole file is refused.
                var message = diagnostic.Message.Split(';')[0].TrimEnd('.');
                Errors.Add(new SettingsError(diagnostic.Span, message + "."));
            }

            return root is YamlScalar { IsNull: true } ? null : root;
        }

        /// <remarks>
        /// A root that is no mapping is described without its value (<paramref name="isRoot"/>): such a file is not a
        /// configuration at all, and may be anything, such as a credentials file.
        /// </remarks>
        public YamlMapping? Mapping(YamlNode? node, string what, string[] keys, bool isRoot = false)
        {
            if (node is null or YamlScalar { IsNull: true })
                return null;
            if (node is not YamlMapping mapping)
            {
                Error(node, $"{Capital(what)} must be a mapping, not {(isRoot ? node.DescribeShape() : node.Describe())}.");
                return null;
            }

            foreach (var entry in mapping.Entries)
            {
                if (!keys.Contains(entry.Key.Value, StringComparer.Ordinal))
                    Error(entry.Key, $"Unknown key '{entry.Key.Value}' in {what}; use {Words(keys)}.");
            }

            return mapping;
        }

        public ConfigScalar? Scalar(YamlNode? node, string what)
        {
            switch (node)
            {
                case null or YamlScalar { IsNull: true }:
                    return null;
                case YamlScalar scalar:
                    return new ConfigScalar(scalar.Value, Span(scalar));
                default:
                    Error(node, $"'{what}' must be a single value, not {node.Describe()}.");
                    return null;
            }
        }

        public ImmutableArray<ConfigScalar> ScalarList(YamlNode? node, string what)
        {
            if (node is null or YamlScalar { IsNull: true })
                return [];
            if (node is not YamlSequence sequence)
            {
                Error(node, $"'{what}' must be a list, not {node.Describe()}.");
                return [];
            }

            var items = ImmutableArray.CreateBuilder<ConfigScalar>();
            foreach (var item in sequence.Items)
            {
                // '- ' with nothing after it, '- ~' or '- null' is almost always a slip; dropping it would hide that.
                if (item is YamlScalar { IsNull: true })
                    Error(item, $"An item of '{what}' is null; give a value in quotes or remove the item.");
                else if (Scalar(item, what) is { } scalar)
                    items.Add(scalar);
            }

            return items.ToImmutable();
        }

        public ImmutableArray<RuleEntry> Rules(YamlNode? node)
        {
            if (node is null or YamlScalar { IsNull: true })
                return [];
            if (node is not YamlMapping rules)
            {
                Error(node, $"'rules' must be a mapping of rule IDs, e.g. 'PC1001: {{enabled: false}}', not {node.Describe()}.");
                return [];
            }

            var entries = ImmutableArray.CreateBuilder<RuleEntry>();
            foreach (var (key, value) in rules.Entries)
            {
                if (!ruleIds.Contains(key.Value))
                {
                    Error(key, $"Unknown rule '{key.Value}'; 'policycheck rules' lists the rule IDs.");
                    continue;
                }

                if (Mapping(value, $"rule {key.Value}", RuleKeys) is not { } settings)
                {
                    if (value is YamlScalar { IsNull: true })
                        Error(value, $"Rule {key.Value} needs settings, e.g. '{{enabled: false}}' or '{{severity: error}}'.");
                    continue;
                }

                entries.Add(new RuleEntry(key.Value, Boolean(settings["enabled"], "enabled"), Severity(settings["severity"]),
                    Parameters(settings["params"], key.Value), Span(key)));
            }

            return entries.ToImmutable();
        }

        public ImmutableArray<OptionDefault> Defaults(YamlNode? node)
        {
            if (node is null or YamlScalar { IsNull: true })
                return [];
            if (node is not YamlMapping commands)
            {
                Error(node, $"'defaults' must map command names to their options, e.g. 'lint: {{fail-on: error}}', not {node.Describe()}.");
                return [];
            }

            var defaults = ImmutableArray.CreateBuilder<OptionDefault>();
            foreach (var (command, options) in commands.Entries)
            {
                if (options is not YamlMapping mapping)
                {
                    Error(options, $"'defaults.{command.Value}' must map option names to values, not {options.Describe()}.");
                    continue;
                }

                foreach (var (option, value) in mapping.Entries)
                {
                    if (Value(value, $"defaults.{command.Value}.{option.Value}") is { } read)
                        defaults.Add(new OptionDefault(command.Value, option.Value, read, Span(option), Span(command)));
                }
            }

            return defaults.ToImmutable();
        }

        private ImmutableArray<(string Name, ConfigValue Value)> Parameters(YamlNode? node, string ruleId)
        {
            if (node is null or YamlScalar { IsNull: true })
                return [];
            if (node is not YamlMapping parameters)
            {
                Error(node, $"'params' of rule {ruleId} must map parameter names to values, not {node.Describe()}.");
                return [];
            }

            var read = ImmutableArray.CreateBuilder<(string, ConfigValue)>();
            foreach (var (name, value) in parameters.Entries)
            {
                if (Value(value, name.Value) is { } parsed)
                    read.Add((name.Value, parsed with { Span = Span(name) }));
            }

            return read.ToImmutable();
        }

        /// <summary>A scalar, or a list of scalars; nested mappings and lists are not option or parameter values.</summary>
        private ConfigValue? Value(YamlNode node, string what)
        {
            switch (node)
            {
                case YamlScalar { IsNull: true }:
                    Error(node, $"'{what}' needs a value.");
                    return null;
                case YamlScalar scalar:
                    return new ConfigValue([new ConfigScalar(scalar.Value, Span(scalar))], false, Span(scalar));
                case YamlSequence sequence:
                    var items = new List<ConfigScalar>();
                    foreach (var item in sequence.Items)
                    {
                        if (item is YamlScalar { IsNull: false } scalar)
                            items.Add(new ConfigScalar(scalar.Value, Span(scalar)));
                        else
                            Error(item, $"The items of '{what}' must be single values, not {item.Describe()}.");
                    }

                    return new ConfigValue([.. items], true, Span(sequence));
                default:
                    Error(node, $"'{what}' must be a value or a list of values, not {node.Describe()}.");
                    return null;
            }
        }

        private bool? Boolean(YamlNode? node, string what)
        {
            switch (node)
            {
                case null or YamlScalar { IsNull: true }:
                    return null;
                case YamlScalar { Kind: ScalarKind.Bool, Value: "true" or "True" or "TRUE" }:
                    return true;
                case YamlScalar { Kind: ScalarKind.Bool, Value: "false" or "False" or "FALSE" }:
                    return false;
                default:
                    Error(node, $"'{what}' must be true or false, not {node.Describe()}.");
                    return null;
            }
        }

        private Severity? Severity(YamlNode? node)
        {
            if (Scalar(node, "severity") is not { } scalar)
                return null;
            switch (scalar.Text)
            {
                case "error":
                    return Core.Diagnostics.Severity.Error;
                case "warning":
                    return Core.Diagnostics.Severity.Warning;
                case "note":
                    return Core.Diagnostics.Severity.Note;
                default:
                    Errors.Add(new SettingsError(scalar.Span, $"Severity '{scalar.Text}' is not valid; use error, warning or note (or 'enabled: false' to turn the rule off)."));
                    return null;
            }
        }

        private SourceSpan Span(YamlNode node) => new(path, node.Start.Line, node.Start.Column, node.End.Line, node.End.Column);

        private void Error(YamlNode node, string message) => Errors.Add(new SettingsError(Span(node), message));

        private static string Capital(string text) => char.ToUpperInvariant(text[0]) + text[1..];

        private static string Words(string[] keys) =>
            keys.Length == 1 ? $"'{keys[0]}'" : string.Join(", ", keys[..^1].Select(k => $"'{k}'")) + $" or '{keys[^1]}'";
    }
}
