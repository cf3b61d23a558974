using System.CommandLine;
using System.CommandLine.Parsing;
using PolicyCheck.Core.Engine;
using PolicyCheck.Core.Selectors;
using PolicyCheck.Manifests;

namespace PolicyCheck.Cli.Commands;

/// <summary>Options every analysis command shares, so they read and behave the same everywhere.</summary>
internal static class CommonOptions
{
    public static Argument<string[]> Paths()
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "Manifest files or folders (searched recursively for *.yaml, *.yml, *.json); '-' reads standard input.",
            Arity = ArgumentArity.OneOrMore,
        };
        // An unknown option would otherwise be read as a path and reported as a missing file; a path that really
        // starts with '-' can be written './-name'. A near miss of a known option is named.
        paths.Validators.Add(result =>
        {
            foreach (var token in result.Tokens)
            {
                if (token.Value.Length > 1 && token.Value[0] == '-')
                {
                    var near = result.Parent is CommandResult command ? Spelling.Nearest(token.Value, KnownNames.Options(command)) : null;
                    result.AddError(near is null ? $"Unknown option '{token.Value}'." : $"Unknown option '{token.Value}'. Did you mean '{near}'?");
                }
            }
        });
        return paths;
    }

    public static Option<string?> Namespace() => new("--namespace", "-n")
    {
        Description = "Namespace for objects that name none (default 'default'), and show only subjects in it.",
        HelpName = "ns",
    };

    /// <summary>
    /// <c>-A, --all-namespaces</c>, as in kubectl: subjects of every namespace, which is what a command shows without
    /// <c>--namespace</c>; it says so explicitly and excludes <c>--namespace</c> (see <see cref="UsageRules"/>).
    /// </summary>
    public static Option<bool> AllNamespaces() => new(AllNamespacesName, "-A")
    {
        Description = "Show subjects in every namespace (the default without --namespace, which it excludes).",
    };

    public const string AllNamespacesName = "--all-namespaces";

    public const string CniName = "--cni";

    /// <summary>
    /// <c>--cni</c>: the network plugin profile whose choices the evaluation assumes (docs/semantics.md); each of its
    /// switches can be overridden by its own option. Absent: the generic profile.
    /// </summary>
    public static Option<NetworkPlugin?> Cni() => new(CniName)
    {
        Description = "The network plugin whose choices to assume: 'generic' (default), 'calico', 'cilium', 'antrea' or " +
                      "'ovn-kubernetes'. The options below override single choices of the profile.",
        HelpName = "plugin",
        CustomParser = NullableChoice(
            "a network plugin profile; use generic, calico, cilium, antrea or ovn-kubernetes",
            ("generic", NetworkPlugin.Generic), ("calico", NetworkPlugin.Calico), ("cilium", NetworkPlugin.Cilium),
            ("antrea", NetworkPlugin.Antrea), ("ovn-kubernetes", NetworkPlugin.OvnKubernetes)),
    };

    public static Option<IpBlockPodMatching?> IpBlockPods() => new("--ipblock-pods")
    {
        Description = "Whether ipBlock peers match pods with known IPs: 'match' (as most plugins do) or 'ignore' " +
                      "(Cilium). Default: the --cni profile's.",
        HelpName = "match|ignore",
        CustomParser = NullableChoice("a valid --ipblock-pods value; use 'match' or 'ignore'", ("match", IpBlockPodMatching.Match), ("ignore", IpBlockPodMatching.Ignore)),
    };

    public static Option<HostNetworkPodHandling?> HostNetworkPods() => new("--hostnetwork-pods")
    {
        Description = "Whether selectors and policies apply to hostNetwork pods: 'ignore' (their traffic is the node's, " +
                      "as every profile assumes) or 'select' (like any pod). Default: the --cni profile's.",
        HelpName = "ignore|select",
        CustomParser = NullableChoice("a valid --hostnetwork-pods value; use 'ignore' or 'select'", ("ignore", HostNetworkPodHandling.Ignore), ("select", HostNetworkPodHandling.Select)),
    };

    public static Option<EndPortHandling?> EndPort() => new("--endport")
    {
        Description = "Whether the plugin supports endPort: 'honor' (port..endPort) or 'ignore' (the rule applies to " +
                      "port alone, as Cilium before 1.16 does). Default: the --cni profile's.",
        HelpName = "honor|ignore",
        CustomParser = NullableChoice("a valid --endport value; use 'honor' or 'ignore'", ("honor", EndPortHandling.Honor), ("ignore", EndPortHandling.Ignore)),
    };

    public static Option<SctpSupport?> Sctp() => new("--sctp")
    {
        Description = "Whether the plugin supports SCTP in policies: 'supported' or 'unsupported' (SCTP port entries " +
                      "allow nothing, as Cilium without sctp.enabled). Default: the --cni profile's.",
        HelpName = "supported|unsupported",
        CustomParser = NullableChoice("a valid --sctp value; use 'supported' or 'unsupported'", ("supported", SctpSupport.Supported), ("unsupported", SctpSupport.Unsupported)),
    };

    /// <summary>
    /// <c>-o, --output FORMAT</c>, as kubectl spells it, with <c>--format</c>/<c>-f</c> (the earlier spelling) still
    /// accepted as a hidden twin; a default in <c>.policycheck.yaml</c> may name either, <c>output</c> or
    /// <c>format</c>. The first of <paramref name="choices"/> is the default.
    /// </summary>
    /// <param name="expected">What a value is, for the error: "a matrix format; use table, json, csv, md or dot".</param>
    public static FormatOption<T> OutputFormat<T>(string description, string helpName, string expected, params (string Name, T Value)[] choices)
    {
        ArgumentNullException.ThrowIfNull(choices);
        var parser = Choice(choices[0].Name, expected, choices);
        return new FormatOption<T>(
            new Option<T>(OutputFormatName, "-o") { Description = description, HelpName = helpName, CustomParser = parser },
            new Option<T>(LegacyFormatName, "-f") { Description = $"{description} The same as --output.", HelpName = helpName, CustomParser = parser, Hidden = true });
    }

    /// <summary>The name of the format option, which kubectl's <c>-o</c> gave its meaning.</summary>
    public const string OutputFormatName = "--output";

    /// <summary>The format option's earlier spelling; still accepted.</summary>
    public const string LegacyFormatName = "--format";

    public const string OutputFileName = "--output-file";

    /// <summary>
    /// Words that name a format in some command. Given to <c>--output-file</c> bare, such a word is almost surely the
    /// old habit of <c>--output json</c> meaning the format, so it is refused rather than written as a file.
    /// </summary>
    public static IReadOnlySet<string> FormatWords { get; } = new HashSet<string>(
        ["table", "text", "json", "csv", "md", "markdown", "dot", "sarif", "yaml", "html"], StringComparer.OrdinalIgnoreCase);

    /// <summary><c>--output-file FILE</c>: write the result to this file instead of standard output.</summary>
    public static Option<string?> OutputFile()
    {
        var option = new Option<string?>(OutputFileName)
        {
            Description = "Write the result to this file instead of standard output.",
            HelpName = "file",
        };
        option.Validators.Add(result =>
        {
            foreach (var token in result.Tokens)
            {
                if (FormatWords.Contains(token.Value))
                {
                    result.AddError($"'{token.Value}' given to {OutputFileName} is a format name, not a file: choose the format " +
                                    $"with -o {token.Value.ToLowerInvariant()} (--output is the format, as in kubectl) and give " +
                                    $"{OutputFileName} a file name; write './{token.Value}' for a file really named so.");
                }
            }
        });
        return option;
    }

    /// <summary>The largest value --max-input-size takes: close to the longest string .NET can hold (2^30 characters).</summary>
    public const long MaxInputBytesLimit = 1000L * 1024 * 1024;

    /// <summary>
    /// <c>--max-input-size</c>: the most bytes read from one manifest file or standard input (null: the loader's
    /// default, 256Mi), as a Kubernetes quantity such as 512Mi.
    /// </summary>
    public static Option<long?> MaxInputSize() => new("--max-input-size")
    {
        Description = $"The most bytes read from one manifest file or from standard input; a larger one is skipped " +
                      $"with an error (default {ByteQuantity.Format(LoadOptions.DefaultMaxInputBytes)}). Bytes, or " +
                      $"Ki, Mi, Gi (1024-based) or k, M, G (1000-based), up to {ByteQuantity.Format(MaxInputBytesLimit)}.",
        HelpName = "size",
        CustomParser = result =>
        {
            var text = result.Tokens[0].Value;
            if (!ByteQuantity.TryParse(text, out var bytes) || bytes < 1 || bytes > MaxInputBytesLimit)
            {
                result.AddError($"'{text}' is not a valid --max-input-size; use a number of bytes from 1 to " +
                                $"{ByteQuantity.Format(MaxInputBytesLimit)}, optionally with Ki, Mi, Gi, k, M or G, such as 512Mi.");
                return null;
            }

            return bytes;
        },
    };

    public static Option<bool> Quiet() => new("--quiet", "-q")
    {
        Description = "Print only errors on stderr (no notes, warnings or summary).",
    };

    public static Option<bool> Verbose() => new("--verbose", "-v")
    {
        Description = "Print what was read and how long each stage took on stderr.",
    };

    /// <summary>
    /// <c>--output-file</c>, the network plugin options (<c>--cni</c>, <c>--ipblock-pods</c>, <c>--hostnetwork-pods</c>,
    /// <c>--endport</c>, <c>--sctp</c>), <c>--max-input-size</c>, <c>--quiet</c> and <c>--verbose</c>: the options every
    /// analysis command ends its list with, made and added in one place so they stay in the same order in every help text.
    /// </summary>
    public static Standard StandardOptions() => new(OutputFile(), new PluginOptions(Cni(), IpBlockPods(), HostNetworkPods(), EndPort(), Sctp()), MaxInputSize(), Quiet(), Verbose());

    /// <summary>A switch with no value, such as <c>--fail-on-drift</c>.</summary>
    public static Option<bool> Flag(string name, string description) => new(name) { Description = description };

    /// <summary><c>--port/-p</c>: one port as '80/TCP', '53/UDP', '8080' (TCP) or a container port name.</summary>
    public static Option<PortQuery?> Port(string description) => new("--port", "-p")
    {
        Description = description,
        HelpName = "port",
        CustomParser = result =>
        {
            var text = result.Tokens[0].Value;
            if (PortQuery.TryParse(text, out var query, out var error))
                return query;
            result.AddError(error ?? $"'{text}' is not a port.");
            return null;
        },
    };

    /// <summary><c>--selector/-l</c>: a label selector in kubectl syntax.</summary>
    public static Option<LabelSelector?> Selector(string description) => new("--selector", "-l")
    {
        Description = description,
        HelpName = "selector",
        CustomParser = result =>
        {
            var text = result.Tokens[0].Value;
            if (SelectorParser.TryParse(text, out var parsed, out var error))
                return parsed;
            result.AddError(error!); // TryParse explains every failure
            return null;
        },
    };

    /// <summary>An option naming subjects: NS/NAME, a selector 'ns=shop,app=web', or an outside address or CIDR.</summary>
    public static Option<SubjectQuery?> Subject(string name, string description) => new(name)
    {
        Description = description,
        HelpName = "subject",
        CustomParser = result =>
        {
            var text = result.Tokens[0].Value;
            if (SubjectQuery.TryParse(text, out var query, out var error))
                return query;
            result.AddError(error ?? $"'{text}' is not a subject.");
            return null;
        },
    };

    /// <summary>
    /// A parser for an option with a fixed set of words (case-insensitive), such as --output. With no token the
    /// <paramref name="fallback"/> word applies; anything else is reported as "'x' is not <paramref name="expected"/>.",
    /// with the nearest word when one is close ("Did you mean 'json'?"); for the format option, a value that is no
    /// near miss is most likely a file name given the old way, so the error says to use --output-file.
    /// </summary>
    public static Func<ArgumentResult, T> Choice<T>(string fallback, string expected, params (string Name, T Value)[] choices) => result =>
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : fallback;
        foreach (var (name, value) in choices)
        {
            if (string.Equals(name, text, StringComparison.OrdinalIgnoreCase))
                return value;
        }

        var option = result.Parent as OptionResult;
        var typed = option?.IdentifierToken?.Value ?? option?.Option.Name ?? "the option";
        if (string.IsNullOrWhiteSpace(text))
        {
            result.AddError($"'{typed}' was given an empty value; it takes {expected}.");
            return choices[0].Value;
        }

        var message = $"'{text}' is not {expected}.";
        if (Spelling.Nearest(text, choices.Select(c => c.Name)) is { } near)
            message += $" Did you mean '{near}'?";
        else if (option?.Option.Name is OutputFormatName or LegacyFormatName)
            message += $" {typed} chooses the format, as in kubectl; to write the result to a file, use {OutputFileName} {text}.";
        result.AddError(message);
        return choices[0].Value;
    };

    /// <summary>
    /// A parser like <see cref="Choice{T}"/> for an option whose absence means "not given" (null), such as a plugin switch
    /// that otherwise takes the profile's value.
    /// </summary>
    private static Func<ArgumentResult, T?> NullableChoice<T>(string expected, params (string Name, T Value)[] choices)
        where T : struct
    {
        var parse = Choice(choices[0].Name, expected, choices);
        return result => result.Tokens.Count == 0 ? null : parse(result);
    }

    /// <summary>The network plugin options of <see cref="StandardOptions"/>.</summary>
    public sealed record PluginOptions(
        Option<NetworkPlugin?> Cni,
        Option<IpBlockPodMatching?> IpBlockPods,
        Option<HostNetworkPodHandling?> HostNetworkPods,
        Option<EndPortHandling?> EndPort,
        Option<SctpSupport?> Sctp)
    {
        public IEnumerable<Option> All => [Cni, IpBlockPods, HostNetworkPods, EndPort, Sctp];

        /// <summary>The plugin model: the <c>--cni</c> profile (generic when absent) with each switch given overriding it.</summary>
        public EvaluationOptions Model(ParseResult parse)
        {
            ArgumentNullException.ThrowIfNull(parse);
            var profile = EvaluationOptions.For(parse.GetValue(Cni) ?? NetworkPlugin.Generic);
            return profile with
            {
                IpBlockPods = parse.GetValue(IpBlockPods) ?? profile.IpBlockPods,
                HostNetworkPods = parse.GetValue(HostNetworkPods) ?? profile.HostNetworkPods,
                EndPort = parse.GetValue(EndPort) ?? profile.EndPort,
                Sctp = parse.GetValue(Sctp) ?? profile.Sctp,
            };
        }
    }

    /// <summary>The options of <see cref="StandardOptions"/>.</summary>
    public sealed record Standard(Option<string?> OutputFile, PluginOptions Plugin, Option<long?> MaxInputSize, Option<bool> Quiet, Option<bool> Verbose)
    {
        /// <summary>The plugin model the command line (and the configuration's defaults) chose.</summary>
        public EvaluationOptions PluginModel(ParseResult parse) => Plugin.Model(parse);

        /// <summary>Adds the options to <paramref name="command"/>, after those it already has.</summary>
        public void AddTo(Command command)
        {
            ArgumentNullException.ThrowIfNull(command);
            command.Options.Add(OutputFile);
            foreach (var option in Plugin.All)
                command.Options.Add(option);
            command.Options.Add(MaxInputSize);
            command.Options.Add(Quiet);
            command.Options.Add(Verbose);
        }
    }
}
