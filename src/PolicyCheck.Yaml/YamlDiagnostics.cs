using PolicyCheck.Core.Diagnostics;

namespace PolicyCheck.Yaml;

/// <summary>
/// The YAML part of the input band (PC0007–PC0014): problems in the YAML text itself, whatever the document is
/// (a manifest, a configuration, a kubeconfig). <c>LoadDiagnostics</c> lists them with the rest of the band.
/// </summary>
public static class YamlDiagnostics
{
    public const string Category = "Input";

    public static DiagnosticDescriptor YamlSyntax { get; } = Error(
        "PC0007", nameof(YamlSyntax), "YAML syntax error",
        "The YAML is not valid: {0}; this document, up to the next '---' line, is left out.");

    public static DiagnosticDescriptor YamlTooDeep { get; } = Error(
        "PC0008", nameof(YamlTooDeep), "YAML nests too deeply",
        "The document nests deeper than {0} levels; it is left out.");

    public static DiagnosticDescriptor YamlScalarTooLarge { get; } = Error(
        "PC0009", nameof(YamlScalarTooLarge), "YAML value is too large",
        "A value of {0} characters is longer than the limit of {1}; the document is left out.");

    public static DiagnosticDescriptor YamlAliasBomb { get; } = Error(
        "PC0010", nameof(YamlAliasBomb), "YAML aliases expand too far",
        "Alias '*{0}' would expand the document to more than {1} nodes, as an alias bomb does; the document is left out.");

    public static DiagnosticDescriptor YamlUnknownAlias { get; } = Error(
        "PC0011", nameof(YamlUnknownAlias), "YAML alias without anchor",
        "Alias '*{0}' refers to no anchor defined before it; the object containing it is left out.");

    public static DiagnosticDescriptor YamlDuplicateKey { get; } = Error(
        "PC0012", nameof(YamlDuplicateKey), "Key repeated in a mapping",
        "Key '{0}' appears twice in one mapping (first at line {1}); the object containing it is left out.");

    public static DiagnosticDescriptor SkippedKindNotRead { get; } = new(
        "PC0053", nameof(SkippedKindNotRead), "Skipped kind exceeds a limit",
        "This {0} exceeds a limit of the loader ({1}); PolicyCheck does not read this kind, so it is skipped.",
        Category, Severity.Note);

    public static DiagnosticDescriptor YamlComplexKey { get; } = Error(
        "PC0013", nameof(YamlComplexKey), "Mapping key is not a scalar",
        "A mapping key must be a scalar, not {0}; the object containing it is left out.");

    public static DiagnosticDescriptor YamlInvalidMerge { get; } = Error(
        "PC0014", nameof(YamlInvalidMerge), "Merge key without mappings",
        "The merge key '<<' needs a mapping or a list of mappings, not {0}; the object containing it is left out.");

    private static DiagnosticDescriptor Error(string id, string name, string title, string messageFormat) =>
        new(id, name, title, messageFormat, Category, Severity.Error);
}
