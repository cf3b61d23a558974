using System.CommandLine;
using System.CommandLine.Parsing;
using PolicyCheck.Cli.Commands;

namespace PolicyCheck.Cli;

/// <summary>
/// Checks that hold for every command, added to the whole tree in one place so no command can forget one: a path- or
/// name-like value (any option or argument taking text) is never empty, and the <see cref="Exclusive"/> pairs
/// (--quiet and --verbose, --namespace and --all-namespaces, --output and --format) exclude each other.
/// </summary>
internal static class UsageRules
{
    /// <summary>
    /// Options that cannot be given together, with why. A default from <c>.policycheck.yaml</c> for one of them is
    /// not applied when the command line gives the other: the command line wins.
    /// </summary>
    public static IReadOnlyList<(string First, string Second, string Why)> Exclusive { get; } =
    [
        ("--quiet", "--verbose", "--quiet prints only errors, --verbose adds detail"),
        ("--namespace", CommonOptions.AllNamespacesName, "--namespace shows one namespace, --all-namespaces every one"),
        (CommonOptions.OutputFormatName, CommonOptions.LegacyFormatName, "both choose the format (--format is the earlier spelling of -o)"),
    ];

    /// <summary>"--quiet and --verbose exclude each other: …; give one of them."</summary>
    public static string ExcludeMessage(string first, string second)
    {
        var why = Exclusive.FirstOrDefault(p => (p.First, p.Second) == (first, second) || (p.First, p.Second) == (second, first)).Why;
        return why is null
            ? $"{first} and {second} exclude each other; give one of them."
            : $"{first} and {second} exclude each other: {why}; give one of them.";
    }

    /// <summary>
    /// Whether the command line (or a default applied as if typed) gave the option: a switch counts when true, so
    /// <c>--verbose false</c> is no conflict.
    /// </summary>
    private static bool IsGiven(OptionResult? result) =>
        result is { Implicit: false } && (result.Option is not Option<bool> || result.GetValueOrDefault<bool>());

    public static void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        foreach (var option in command.Options.Where(o => IsText(o.ValueType)))
            option.Validators.Add(result => RejectEmpty(result, result.Tokens, $"'{option.Name}'"));
        foreach (var argument in command.Arguments.Where(a => IsText(a.ValueType)))
            argument.Validators.Add(result => RejectEmpty(result, result.Tokens, $"the '{argument.Name}' argument"));
        foreach (var option in command.Options.Where(o => o.Name == "--namespace"))
            option.Validators.Add(RejectBadNamespace);
        foreach (var (first, second, _) in Exclusive)
        {
            if (command.Options.FirstOrDefault(o => o.Name == first) is { } a && command.Options.FirstOrDefault(o => o.Name == second) is { } b)
            {
                command.Validators.Add(result =>
                {
                    if (IsGiven(result.GetResult(a)) && IsGiven(result.GetResult(b)))
                        result.AddError(ExcludeMessage(first, second));
                });
            }
        }

        foreach (var sub in command.Subcommands)
            AddTo(sub);
    }

    /// <summary>
    /// A namespace name is a DNS-1123 label (k8s docs, "Object Names and IDs"): at most 63 characters, lower-case
    /// letters, digits and '-', starting and ending with a letter or digit. Anything else (such as '..') names no
    /// namespace, and must not quietly select none or, in a URL path, the whole cluster.
    /// </summary>
    private static void RejectBadNamespace(OptionResult result)
    {
        foreach (var token in result.Tokens)
        {
            if (token.Value.Length > 0 && !IsDnsLabel(token.Value))
                result.AddError(NamespaceMessage(token.Value));
        }
    }

    public static string NamespaceMessage(string value) =>
        $"'{value}' given to --namespace is not a namespace name; expected a DNS-1123 label: at most 63 lower-case letters, digits or '-', starting and ending with a letter or digit.";

    public static bool IsDnsLabel(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length is 0 or > 63 || text[0] == '-' || text[^1] == '-')
            return false;
        return text.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-');
    }

    private static bool IsText(Type type) => type == typeof(string) || type == typeof(string[]);

    private static void RejectEmpty(SymbolResult result, IReadOnlyList<Token> tokens, string what)
    {
        if (tokens.Any(t => string.IsNullOrWhiteSpace(t.Value)))
            result.AddError($"{char.ToUpperInvariant(what[0])}{what[1..]} was given an empty value; give a path or name.");
    }
}
