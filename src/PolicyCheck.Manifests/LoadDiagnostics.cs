using System.Collections.Immutable;
using PolicyCheck.Core.Diagnostics;
using PolicyCheck.Yaml;

namespace PolicyCheck.Manifests;

/// <summary>
/// The input band (PC0xxx) of diagnostics: problems in the files given, their YAML and the objects in them. Object
/// messages end by naming what is left out of the cluster; that name is always the last argument.
/// </summary>
public static class LoadDiagnostics
{
    public const string Category = "Input";

    public static DiagnosticDescriptor InputNotFound { get; } = Error(
        "PC0001", nameof(InputNotFound), "Input does not exist",
        "Input '{0}' does not exist; give a file, a folder or '-' for standard input.");

    public static DiagnosticDescriptor InputUnreadable { get; } = Error(
        "PC0002", nameof(InputUnreadable), "Input cannot be read",
        "Input '{0}' cannot be read ({1}); it is skipped.");

    public static DiagnosticDescriptor BinaryInput { get; } = Error(
        "PC0003", nameof(BinaryInput), "Input is not text",
        "'{0}' is not a text file: it has {1} at offset {2}; expected UTF-8 YAML or JSON, so it is skipped.");

    public static DiagnosticDescriptor InputTooLarge { get; } = Error(
        "PC0004", nameof(InputTooLarge), "Input is too large",
        "'{0}' holds more than the limit of {1} bytes; it is skipped.");

    public static DiagnosticDescriptor EmptyInput { get; } = new(
        "PC0005", nameof(EmptyInput), "Input holds no documents",
        "'{0}' holds no YAML documents (it is empty or only comments).", Category, Severity.Note);

    public static DiagnosticDescriptor EmptyFolder { get; } = new(
        "PC0006", nameof(EmptyFolder), "Folder holds no manifests",
        "Folder '{0}' holds no .yaml, .yml or .json files.", Category, Severity.Note);

    // PC0007–PC0014 are the YAML reader's (PolicyCheck.Yaml); they stay listed here with the rest of the band.
    public static DiagnosticDescriptor YamlSyntax => YamlDiagnostics.YamlSyntax;

    public static DiagnosticDescriptor YamlTooDeep => YamlDiagnostics.YamlTooDeep;

    public static DiagnosticDescriptor YamlScalarTooLarge => YamlDiagnostics.YamlScalarTooLarge;

    public static DiagnosticDescriptor YamlAliasBomb => YamlDiagnostics.YamlAliasBomb;

    public static DiagnosticDescriptor YamlUnknownAlias => YamlDiagnostics.YamlUnknownAlias;

    public static DiagnosticDescriptor YamlDuplicateKey => YamlDiagnostics.YamlDuplicateKey;

    public static DiagnosticDescriptor YamlComplexKey => YamlDiagnostics.YamlComplexKey;

    public static DiagnosticDescriptor YamlInvalidMerge => YamlDiagnostics.YamlInvalidMerge;

    public static DiagnosticDescriptor NotAnObject { get; } = Error(
        "PC0015", nameof(NotAnObject), "Document is not an object",
        "Expected a Kubernetes object (a mapping), found {0}; it is left out.");

    public static DiagnosticDescriptor MissingTypeField { get; } = Error(
        "PC0016", nameof(MissingTypeField), "apiVersion or kind is missing",
        "'{0}' is missing; every Kubernetes object needs apiVersion and kind; {1} is left out.");

    public static DiagnosticDescriptor UnservedApiVersion { get; } = Error(
        "PC0017", nameof(UnservedApiVersion), "apiVersion is no longer served",
        "The apiVersion '{0}' is no longer served for kind '{1}'; use '{2}'; {3} is left out.");

    public static DiagnosticDescriptor MissingName { get; } = Error(
        "PC0018", nameof(MissingName), "Object has no name",
        "The name (metadata.name) is missing or empty; {0} is left out.");

    public static DiagnosticDescriptor WrongType { get; } = Error(
        "PC0019", nameof(WrongType), "Value has the wrong type",
        "'{0}' must be {1}, not {2}; {3} is left out.");

    public static DiagnosticDescriptor NonStringScalar { get; } = Error(
        "PC0020", nameof(NonStringScalar), "Unquoted value is not a string",
        "'{0}' must be a string, but YAML reads the unquoted '{1}' as a {2}; quote it; {3} is left out.");

    public static DiagnosticDescriptor MissingField { get; } = Error(
        "PC0021", nameof(MissingField), "Required field is missing",
        "'{0}' is required; {1} is left out.");

    public static DiagnosticDescriptor UnknownField { get; } = Error(
        "PC0022", nameof(UnknownField), "Unknown field",
        "Field '{0}' is not part of {1}{2}; check the spelling, as the API server rejects unknown fields; {3} is left out.");

    public static DiagnosticDescriptor InvalidProtocol { get; } = Error(
        "PC0023", nameof(InvalidProtocol), "Protocol is not valid",
        "Protocol '{0}' is not valid; use TCP, UDP or SCTP (upper case); {1} is left out.");

    public static DiagnosticDescriptor InvalidOperator { get; } = Error(
        "PC0024", nameof(InvalidOperator), "Selector operator is not valid",
        "Operator '{0}' is not valid; use In, NotIn, Exists or DoesNotExist; {1} is left out.");

    public static DiagnosticDescriptor OperatorNeedsValues { get; } = Error(
        "PC0025", nameof(OperatorNeedsValues), "Selector operator needs values",
        "Operator '{0}' needs a non-empty 'values' list; {1} is left out.");

    public static DiagnosticDescriptor OperatorForbidsValues { get; } = Error(
        "PC0026", nameof(OperatorForbidsValues), "Selector operator takes no values",
        "Operator '{0}' must not have 'values' (found {1}); {2} is left out.");

    public static DiagnosticDescriptor InvalidLabelKey { get; } = Error(
        "PC0027", nameof(InvalidLabelKey), "Label key is not valid",
        "Label key '{0}' is not valid: {1}; {2} is left out.");

    public static DiagnosticDescriptor InvalidLabelValue { get; } = Error(
        "PC0028", nameof(InvalidLabelValue), "Label value is not valid",
        "Label value '{0}' is not valid: {1}; {2} is left out.");

    public static DiagnosticDescriptor InvalidCidr { get; } = Error(
        "PC0029", nameof(InvalidCidr), "CIDR is not valid",
        "CIDR '{0}' is not valid; expected an IPv4 or IPv6 address and a prefix length, such as '10.0.0.0/16'; {1} is left out.");

    public static DiagnosticDescriptor ExceptOutsideCidr { get; } = Error(
        "PC0030", nameof(ExceptOutsideCidr), "ipBlock except is not inside its cidr",
        "Except '{0}' is not a strict subset of cidr '{1}'; {2} is left out.");

    public static DiagnosticDescriptor IpBlockWithSelector { get; } = Error(
        "PC0031", nameof(IpBlockWithSelector), "ipBlock combined with a selector",
        "A peer with 'ipBlock' cannot also have 'podSelector' or 'namespaceSelector'; make them separate peers; {0} is left out.");

    public static DiagnosticDescriptor EmptyPeer { get; } = Error(
        "PC0032", nameof(EmptyPeer), "Peer names nothing",
        "A peer needs 'podSelector', 'namespaceSelector' or 'ipBlock', and this one has none; {0} is left out.");

    public static DiagnosticDescriptor EndPortWithNamedPort { get; } = Error(
        "PC0033", nameof(EndPortWithNamedPort), "endPort with a named port",
        "'endPort' needs a numeric 'port', but the port is the name '{0}'; {1} is left out.");

    public static DiagnosticDescriptor EndPortWithoutPort { get; } = Error(
        "PC0034", nameof(EndPortWithoutPort), "endPort without port",
        "'endPort' needs a 'port' where the range starts; {0} is left out.");

    public static DiagnosticDescriptor EndPortBelowPort { get; } = Error(
        "PC0035", nameof(EndPortBelowPort), "endPort below port",
        "The endPort '{0}' is below the port '{1}'; it must be equal or greater; {2} is left out.");

    public static DiagnosticDescriptor PortOutOfRange { get; } = Error(
        "PC0036", nameof(PortOutOfRange), "Port number out of range",
        "Port '{0}' in '{1}' is out of range; use 1 to 65535; {2} is left out.");

    public static DiagnosticDescriptor InvalidPortName { get; } = Error(
        "PC0037", nameof(InvalidPortName), "Port name is not valid",
        "Port name '{0}' is not valid: {1}; {2} is left out.");

    public static DiagnosticDescriptor InvalidPolicyType { get; } = Error(
        "PC0038", nameof(InvalidPolicyType), "Policy type is not valid",
        "Policy type '{0}' is not valid; use Ingress or Egress (case-sensitive); {1} is left out.");

    public static DiagnosticDescriptor RepeatedPolicyType { get; } = Error(
        "PC0039", nameof(RepeatedPolicyType), "Policy type listed twice",
        "Policy type '{0}' is listed more than once; list Ingress and Egress at most once each; {1} is left out.");

    public static DiagnosticDescriptor InvalidServiceType { get; } = Error(
        "PC0040", nameof(InvalidServiceType), "Service type is not valid",
        "Service type '{0}' is not valid; use ClusterIP, NodePort, LoadBalancer or ExternalName; {1} is left out.");

    public static DiagnosticDescriptor NegativeReplicas { get; } = Error(
        "PC0041", nameof(NegativeReplicas), "Replicas is negative",
        "Replicas '{0}' is negative; use 0 or more; {1} is left out.");

    public static DiagnosticDescriptor DuplicateObject { get; } = Error(
        "PC0042", nameof(DuplicateObject), "Object defined twice",
        "{0} is defined twice; this definition replaces the one at {1}, as kubectl apply would.");

    public static DiagnosticDescriptor WrongApiVersion { get; } = Error(
        "PC0043", nameof(WrongApiVersion), "Kind is not served by this apiVersion",
        "{0} is served as '{1}', not '{2}'; {3} is left out.");

    public static DiagnosticDescriptor InvalidApiVersion { get; } = Error(
        "PC0044", nameof(InvalidApiVersion), "apiVersion is not valid",
        "The apiVersion '{0}' is not valid: {1}; {2} is left out.");

    public static DiagnosticDescriptor KindCaseMismatch { get; } = Error(
        "PC0045", nameof(KindCaseMismatch), "Kind is spelt with the wrong case",
        "Kind '{0}' is not served: kinds are case-sensitive, so write '{1}' (served as '{2}'); {3} is left out.");

    public static DiagnosticDescriptor UnknownFieldIgnored { get; } = new(
        "PC0046", nameof(UnknownFieldIgnored), "Unknown field is ignored",
        "Field '{0}' is not part of {1}{2}; PolicyCheck ignores it, but the API server's strict field validation rejects it; it is in {3}.",
        Category, Severity.Warning);

    public static DiagnosticDescriptor InvalidName { get; } = Error(
        "PC0047", nameof(InvalidName), "Name is not valid",
        "The {0} '{1}' is not valid: {2}; {3} is left out.");

    public static DiagnosticDescriptor NullLabelValue { get; } = new(
        "PC0048", nameof(NullLabelValue), "Label value is null",
        "The value of '{0}' is null, which the API server reads as the empty string; write \"\" if that is meant; it is in {1}.",
        Category, Severity.Note);

    public static DiagnosticDescriptor PolicySelectsEveryPod { get; } = new(
        "PC0049", nameof(PolicySelectsEveryPod), "podSelector is absent or null",
        "The podSelector is {0}, which selects every pod of namespace '{1}' as an empty selector does; write an empty podSelector if that is meant; it is in {2}.",
        Category, Severity.Note);

    public static DiagnosticDescriptor NotARegularFile { get; } = new(
        "PC0050", nameof(NotARegularFile), "Not a regular file",
        "'{0}' is not a regular file (a pipe, socket or device); it is skipped in a folder, so name it as an input to read it.",
        Category, Severity.Note);

    public static DiagnosticDescriptor LinkOutsideInput { get; } = Error(
        "PC0051", nameof(LinkOutsideInput), "Symbolic link leaves the input",
        "'{0}' is a symbolic link to a path outside the input '{1}'; it is not followed.");

    public static DiagnosticDescriptor InvalidOwnerReference { get; } = Error(
        "PC0052", nameof(InvalidOwnerReference), "Owner reference is not valid",
        "The owner reference needs a non-empty '{0}'; the API server refuses it, so {1} is read as if it had no controller.");

    public static DiagnosticDescriptor SkippedKindNotRead => YamlDiagnostics.SkippedKindNotRead;

    public static DiagnosticDescriptor InvalidKind { get; } = Error(
        "PC0054", nameof(InvalidKind), "Kind is not valid",
        "The kind '{0}' is not valid: a kind is letters, digits and '-', starting with a letter and at most 63 long, so no API serves it{1}; {2} is left out.");

    public static DiagnosticDescriptor UnevaluatedPolicy { get; } = new(
        "PC0055", nameof(UnevaluatedPolicy), "Policy kind is not evaluated",
        "{0} '{1}' ({2}) is not evaluated: {3} enforces it, and the results leave out what it allows or denies for the pods it selects {4}; " +
        "acknowledge the kind with --ignore-kind {5} or 'ignore-kinds:' in .policycheck.yaml.",
        Category, Severity.Warning);

    /// <summary>Every descriptor above, in ID order.</summary>
    public static ImmutableArray<DiagnosticDescriptor> All { get; } =
    [
        InputNotFound, InputUnreadable, BinaryInput, InputTooLarge, EmptyInput, EmptyFolder,
        YamlSyntax, YamlTooDeep, YamlScalarTooLarge, YamlAliasBomb, YamlUnknownAlias, YamlDuplicateKey, YamlComplexKey,
        YamlInvalidMerge, NotAnObject, MissingTypeField, UnservedApiVersion, MissingName, WrongType, NonStringScalar,
        MissingField, UnknownField, InvalidProtocol, InvalidOperator, OperatorNeedsValues, OperatorForbidsValues,
        InvalidLabelKey, InvalidLabelValue, InvalidCidr, ExceptOutsideCidr, IpBlockWithSelector, EmptyPeer,
        EndPortWithNamedPort, EndPortWithoutPort, EndPortBelowPort, PortOutOfRange, InvalidPortName, InvalidPolicyType,
        RepeatedPolicyType, InvalidServiceType, NegativeReplicas, DuplicateObject, WrongApiVersion, InvalidApiVersion,
        KindCaseMismatch, UnknownFieldIgnored, InvalidName, NullLabelValue, PolicySelectsEveryPod, NotARegularFile,
        LinkOutsideInput, InvalidOwnerReference, SkippedKindNotRead, InvalidKind, UnevaluatedPolicy,
    ];

    private static DiagnosticDescriptor Error(string id, string name, string title, string messageFormat) =>
        new(id, name, title, messageFormat, Category, Severity.Error);
}
