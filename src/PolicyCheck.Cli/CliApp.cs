using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Parsing;
using PolicyCheck.Cli.Commands;
using PolicyCheck.Cli.Configuration;

namespace PolicyCheck.Cli;

/// <summary>The command tree and the one place that turns parse errors and crashes into exit codes.</summary>
public static class CliApp
{
    /// <summary>Help is wrapped at this width everywhere, so help snapshots do not depend on the terminal.</summary>
    public const int HelpWidth = 100;

    /// <summary>
    /// The command tree. The root is a plain command named <c>policycheck</c> (a RootCommand would take the host
    /// process's name, e.g. "testhost" under tests) with recursive help and --version.
    /// </summary>
    public static Command CreateRoot()
    {
        var matrix = MatrixCommand.Create();
        var explain = ExplainCommand.Create();
        var list = ListCommand.Create();
        var services = ServicesCommand.Create();
        var lint = LintCommand.Create();
        var rules = LintRulesCommand.Create();
        var diff = DiffCommand.Create();
        var audit = AuditCommand.Create();
        var root = new Command(
            "policycheck",
            "Which Kubernetes pod can reach which, on which port, under your NetworkPolicies. Reads YAML/JSON " +
            "manifests (files, folders, '-' for stdin, kubectl -o yaml lists) and evaluates them exactly as " +
            "Kubernetes defines NetworkPolicy.")
        {
            matrix,
            explain,
            list,
            services,
            lint,
            rules,
            diff,
            audit,
        };
        var examples = new Dictionary<Command, string[]>
        {
            [root] =
            [
                "policycheck matrix examples/webshop",
                "policycheck explain examples/seed-scenarios --from default/back-end --to default/my-app",
                "policycheck list examples/webshop --focus shop/frontend",
                "policycheck services examples/seed-scenarios",
                "policycheck lint examples/webshop",
                "policycheck diff --git main k8s -o md",
                "policycheck matrix --help",
            ],
            [matrix] = MatrixCommand.Examples,
            [explain] = ExplainCommand.Examples,
            [list] = ListCommand.Examples,
            [services] = ServicesCommand.Examples,
            [lint] = LintCommand.Examples,
            [rules] = LintRulesCommand.Examples,
            [diff] = DiffCommand.Examples,
            [audit] = AuditCommand.Examples,
        };
        var help = new HelpOption { Recursive = true };
        help.Action = new HelpWithExamples(new HelpAction { MaxWidth = HelpWidth }, examples);
        root.Options.Add(help);
        root.Options.Add(new VersionOption());
        root.Options.Add(ConfigStep.ConfigOption());
        root.Options.Add(ConfigStep.NoConfigOption());
        UsageRules.AddTo(root);
        return root;
    }

    public static async Task<int> RunAsync(string[] args, Terminal terminal, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(terminal);
        var verbose = args.Contains("--verbose") || args.Contains("-v");
        try
        {
            var root = CreateRoot();
            var parse = root.Parse(args);
            if (parse.Errors.Count > 0 && parse.Action is not HelpWithExamples)
            {
                foreach (var line in ErrorLines(parse))
                    terminal.Error.WriteLine($"policycheck: {line}");
                terminal.Error.WriteLine(HelpHint(parse));
                return (int)ExitCode.UsageError;
            }

            if (ConfigStep.Prepare(root, parse, args, terminal, out var config) is not { } configured)
                return (int)ExitCode.UsageError;
            // The commands take the terminal from the invocation (Terminal.From), so they see the configuration's ignores.
            var invocation = new TerminalInvocation(terminal with
            {
                InputFilter = config?.InputFilter(),
                Operators = config?.Operators,
                IgnoredKinds = [.. config?.File.IgnoreKinds.Select(k => k.Text) ?? []],
            });
            return await configured.InvokeAsync(invocation, cancellationToken);
        }
        catch (StandardOutputException ex)
        {
            // Output written outside a command's result (help, --version) to a pipe whose reader has gone.
            terminal.Error.WriteLine($"policycheck: cannot write to standard output: {ex.Message}");
            return (int)ExitCode.UsageError;
        }
        catch (OperationCanceledException)
        {
            terminal.Error.WriteLine("policycheck: cancelled.");
            return 130;
        }
#pragma warning disable CA1031 // The one place that turns any crash into a message and an exit code, never a stack trace.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            terminal.Error.WriteLine($"policycheck: internal error: {ex.Message}");
            if (verbose)
                terminal.Error.WriteLine(ex.ToString());
            else
                terminal.Error.WriteLine("Re-run with --verbose for details, and please report it with the input that caused it.");
            return (int)ExitCode.InternalError;
        }
    }

    /// <summary>"Run 'policycheck matrix --help' for usage.": the command path from the root, one space apart.</summary>
    internal static string HelpHint(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var names = new List<string>();
        for (SymbolResult? result = parse.CommandResult; result is not null; result = result.Parent)
        {
            if (result is CommandResult command)
                names.Insert(0, command.Command.Name);
        }

        names.Add("--help");
        return $"Run '{string.Join(' ', names)}' for usage.";
    }

    /// <summary>
    /// The parse errors, each a line; an error about a word the parser did not recognise ends with the nearest
    /// subcommand (or, for an option, the nearest option) when one is close: "Did you mean 'matrix'?". When the first
    /// word where a subcommand belongs is unknown, that is the one error shown: the words after it belong to the
    /// command the user meant, and "Required command was not provided" would only repeat it.
    /// </summary>
    private static List<string> ErrorLines(ParseResult parse)
    {
        var lines = AllErrorLines(parse).ToList();
        if (parse.CommandResult.Command.Subcommands.Any() && parse.UnmatchedTokens.Count > 0 && !parse.UnmatchedTokens[0].StartsWith('-'))
        {
            var unknown = $"'{parse.UnmatchedTokens[0]}'";
            var aboutIt = lines.Where(l => l.Contains(unknown, StringComparison.Ordinal)).ToList();
            if (aboutIt.Count > 0)
                return aboutIt;
        }

        return lines;
    }

    private static IEnumerable<string> AllErrorLines(ParseResult parse)
    {
        var suggestions = new List<(string Token, string Near)>();
        foreach (var token in parse.UnmatchedTokens.Distinct(StringComparer.Ordinal))
        {
            var known = token.StartsWith('-')
                ? KnownNames.Options(parse.CommandResult)
                : parse.CommandResult.Command.Subcommands.Select(c => c.Name);
            if (Spelling.Nearest(token, known) is { } near)
                suggestions.Add((token, near));
        }

        foreach (var error in parse.Errors)
        {
            var message = error.Message;
            var matched = suggestions.FindIndex(s => message.Contains($"'{s.Token}'", StringComparison.Ordinal));
            if (matched >= 0)
            {
                message = $"{message.TrimEnd()} Did you mean '{suggestions[matched].Near}'?";
                suggestions.RemoveAt(matched);
            }

            yield return message;
        }

        foreach (var (token, near) in suggestions)
            yield return $"'{token}': did you mean '{near}'?";
    }
}
