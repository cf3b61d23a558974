using System.CommandLine;
using System.CommandLine.Parsing;

namespace PolicyCheck.Cli;

/// <summary>
/// Checks that hold for every command, added to the whole tree in one place so no command can forget one: a path- or
/// name-like value (any option or argument taking text) is never empty, and --quiet and --verbose exclude each other.
/// </summary>
internal static class UsageRules
{
    public static void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        foreach (var option in command.Options.Where(o => IsText(o.ValueType)))
            option.Validators.Add(result => RejectEmpty(result, result.Tokens, $"'{option.Name}'"));
        foreach (var argument in command.Arguments.Where(a => IsText(a.ValueType)))
            argument.Validators.Add(result => RejectEmpty(result, result.Tokens, $"the '{argument.Name}' argument"));
        foreach (var option in command.Options.Where(o => o.Name == "--namespace"))
            option.Validators.Add(RejectBadNamespace);
        if (command.Options.FirstOrDefault(o => o.Name == "--quiet") is Option<bool> quiet &&
            command.Options.FirstOrDefault(o => o.Name == "--verbose") is Option<bool> verbose)
        {
            command.Validators.Add(result =>
            {
                if (result.GetValue(quiet) && result.GetValue(verbose))
                    result.AddError("--quiet and --verbose exclude each other: --quiet prints only errors, --verbose adds detail; give one of them.");
            });
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
