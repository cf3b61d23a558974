using System.Globalization;

namespace PolicyCheck.Cli.Tests.Fuzz;

/// <summary>
/// The hostile edits of issue #12, one at a time, to one field of a document or to a whole document: a value of
/// another type or shape, numbers out of range, boolean spellings, long and invalid names, control characters and
/// escape sequences, odd CIDRs and IPs, misspelled, deleted, duplicated and unknown keys, wrong apiVersion/kind
/// spellings, repeated documents and truncated files. All choices come from the <see cref="Random"/> given, so a case
/// replays from its seed.
/// </summary>
internal sealed class ManifestMutator(Random random)
{
    /// <summary>apiVersions that are wrong for every bundled kind, or for most (issue #12 lists the first six).</summary>
    private static readonly string[] ApiVersions =
    [
        "networking.k8s.io/v2", "networking.k8s.io", "networking/v1", "v1", "k8sV1", "apps/v2", "extensions/v1beta1",
        "apps/v1beta1", "batch/v1beta1", "v2", "Apps/V1", "apps/v1/extra", "apps/", "/v1", "example.com/v1", "apps/v1 ",
        "networking.k8s.io/V1", "policy/v1", "discovery.k8s.io/v1", "rbac.authorization.k8s.io/v1",
    ];

    /// <summary>Kinds: case slips of ours, typos, other kinds of ours, and kinds PolicyCheck does not read.</summary>
    private static readonly string[] Kinds =
    [
        "networkpolicy", "NETWORKPOLICY", "Networkpolicy", "deployment", "Deploymnt", "service", "Services", "namespace",
        "NameSpace", "statefulset", "Pod", "Service", "Namespace", "NetworkPolicy", "Deployment", "CronJob", "Job",
        "DaemonSet", "ConfigMap", "Widget", "Network Policy", "NetworkPolicy ",
    ];

    /// <summary>Replacement scalars, by what they probe.</summary>
    private static readonly FuzzNode.Scalar[] Scalars =
    [
        // null and empty
        FuzzNode.Plain(string.Empty), FuzzNode.Plain("~"), FuzzNode.Plain("null"), FuzzNode.Quoted(string.Empty), FuzzNode.Quoted(" "),
        // numbers where a string is expected, out of range, odd YAML 1.1 forms
        FuzzNode.Plain("0"), FuzzNode.Plain("-1"), FuzzNode.Plain("65536"), FuzzNode.Plain("65535"), FuzzNode.Plain("2147483648"),
        FuzzNode.Plain("99999999999999999999"), FuzzNode.Plain("1.5"), FuzzNode.Plain("1e3"), FuzzNode.Plain("0x50"), FuzzNode.Plain("080"),
        FuzzNode.Plain(".inf"), FuzzNode.Plain("-.inf"), FuzzNode.Plain(".nan"), FuzzNode.Plain("1_000"), FuzzNode.Plain("+80"),
        // booleans, as YAML 1.1 spells them
        FuzzNode.Plain("yes"), FuzzNode.Plain("No"), FuzzNode.Plain("on"), FuzzNode.Plain("OFF"), FuzzNode.Plain("TRUE"), FuzzNode.Plain("y"),
        FuzzNode.Plain("false"),
        // strings where a number or boolean is expected
        FuzzNode.Quoted("80"), FuzzNode.Quoted("true"), FuzzNode.Quoted("-1"), FuzzNode.Quoted("65536"),
        // names: too long, invalid DNS/label characters
        FuzzNode.Quoted(new string('a', 300)), FuzzNode.Plain(new string('b', 64)), FuzzNode.Plain(new string('c', 253)),
        FuzzNode.Quoted("metadata_name_test7"), FuzzNode.Quoted("Web"), FuzzNode.Quoted("-web"), FuzzNode.Quoted("web-"),
        FuzzNode.Quoted("a/b"), FuzzNode.Quoted(".."), FuzzNode.Quoted("a..b"), FuzzNode.Quoted("web.shop"), FuzzNode.Quoted("a b"),
        FuzzNode.Quoted("*"), FuzzNode.Quoted("web[Deployment]"), FuzzNode.Quoted("example.com/"), FuzzNode.Quoted("/name"),
        FuzzNode.Quoted("ünïcödé"), FuzzNode.Quoted("😀"), FuzzNode.Quoted("a=b,c!=d"),
        // control characters and terminal escape sequences
        FuzzNode.Quoted("\u001b[31mred\u001b[0m"), FuzzNode.Quoted("line1\nline2"), FuzzNode.Quoted("tab\there"),
        FuzzNode.Quoted("nul\0byte"), FuzzNode.Quoted("cr\rlf"), FuzzNode.Quoted("\u202Eevil"), FuzzNode.Quoted("\u0007bell"),
        FuzzNode.Quoted("=HYPERLINK(\"x\")"), FuzzNode.Quoted("<script>alert(1)</script>"), FuzzNode.Quoted("|pipe|`tick`"),
        // CIDRs and IPs
        FuzzNode.Quoted("10.0.0.0/33"), FuzzNode.Quoted("010.0.0.1/8"), FuzzNode.Quoted("0x0A.0.0.0/8"), FuzzNode.Quoted("10.0.0.1/24"),
        FuzzNode.Quoted("0.0.0.0/0"), FuzzNode.Quoted("::/0"), FuzzNode.Quoted("1.2.3/8"), FuzzNode.Quoted("10.0.0.0/-1"),
        FuzzNode.Quoted("fe80::1%eth0/64"), FuzzNode.Quoted("::ffff:10.0.0.0/104"), FuzzNode.Quoted("10.0.0.0"),
        FuzzNode.Quoted("300.1.1.1/32"), FuzzNode.Quoted("10.0.0.0/8 "), FuzzNode.Quoted("10.0.0.0/08"), FuzzNode.Quoted("2001:db8::/129"),
        FuzzNode.Quoted("127.1"), FuzzNode.Quoted("10.0.0.0/8,10.1.0.0/16"),
        // ports and protocols
        FuzzNode.Quoted("http"), FuzzNode.Quoted("HTTP"), FuzzNode.Quoted("a-very-long-port-name"), FuzzNode.Quoted("80-90"),
        FuzzNode.Quoted("0"), FuzzNode.Quoted("tcp"), FuzzNode.Quoted("ICMP"), FuzzNode.Quoted("TCP "), FuzzNode.Quoted("-http"),
        // selector operators
        FuzzNode.Quoted("in"), FuzzNode.Quoted("Contains"), FuzzNode.Quoted("NotIn"), FuzzNode.Quoted("DoesNotExist"),
    ];

    /// <summary>Keys that are not fields where they are inserted, or fields of another place.</summary>
    private static readonly string[] UnknownKeys =
    [
        "unknownField", "namespace", "hostNetwork", "podSelector", "labels", "ports", "selector", "port", "matchLabels", "spec",
        "policyTypes", "x-extra", "metadata", "kind", "apiVersion", "Name", "", "0", "true", "null", "a b",
    ];

    public FuzzNode.Scalar PickScalar() => Scalars[random.Next(Scalars.Length)];

    /// <summary>Changes the node at <paramref name="targetIndex"/> (in <see cref="FuzzTarget.All"/> order) of a document.</summary>
    public Mutation MutateField(string file, List<FuzzNode> documents, int document, int targetIndex)
    {
        var target = FuzzTarget.All(documents[document])[targetIndex];
        Mutation Made(string before, string after, string? path = null) => new(file, document, path ?? target.Path, before, after);

        if (target.Entry is null && target.List is null)
        {
            // The document itself: another shape, or an unknown top-level key.
            if (random.Next(3) == 0 && target.Node is FuzzNode.Mapping top)
                return InsertKey(top, target, Made);
            var root = target.Node;
            FuzzNode replacement = random.Next(4) switch
            {
                0 => FuzzNode.Quoted("just a string"),
                1 => new FuzzNode.Sequence([root]),
                2 => FuzzNode.Plain("42"),
                _ => new FuzzNode.Mapping([]),
            };
            documents[document] = replacement;
            return Made(root.Describe(), replacement.Describe());
        }

        if (target.Entry is { } entry)
        {
            var parent = target.Parent!; // an entry always has its mapping
            switch (random.Next(10))
            {
                case 0:
                    parent.Entries.RemoveAt(target.Index);
                    return Made($"{entry.Key.Value}: {entry.Value.Describe()}", "(key deleted)");
                case 1:
                    {
                        var misspelt = Misspell(entry.Key.Value);
                        entry.Key = FuzzNode.Plain(misspelt);
                        return Made($"key '{target.Key}'", $"key '{misspelt}'");
                    }

                case 2:
                    {
                        var copy = entry.Clone();
                        if (random.Next(2) == 0)
                            copy.Value = NewValue(entry.Value);
                        parent.Entries.Insert(target.Index + 1, copy);
                        return Made($"key '{target.Key}' once", $"twice, second value {copy.Value.Describe()}");
                    }

                case 3:
                    return InsertKey(parent, target, Made);
                default:
                    {
                        var value = NewValue(entry.Value);
                        entry.Value = value;
                        return Made(target.Node.Describe(), value.Describe());
                    }
            }
        }

        var list = target.List!; // neither root nor entry, so a list item
        switch (random.Next(8))
        {
            case 0:
                list.Items.RemoveAt(target.Index);
                return Made(target.Node.Describe(), "(item deleted)");
            case 1:
                list.Items.Insert(target.Index + 1, target.Node.Clone());
                return Made(target.Node.Describe(), "(item repeated)");
            case 2:
                list.Items.Insert(target.Index, FuzzNode.Plain(string.Empty));
                return Made(target.Node.Describe(), "(null item inserted before)");
            default:
                {
                    var value = NewValue(target.Node);
                    target.Replace(value);
                    return Made(target.Node.Describe(), value.Describe());
                }
        }
    }

    /// <summary>Changes a whole document: its apiVersion or kind, or repeats it, or adds a document that is no object.</summary>
    public Mutation MutateDocument(string file, List<FuzzNode> documents, int document)
    {
        var root = documents[document];
        switch (random.Next(8))
        {
            case 0:
                documents.Insert(document + 1, root.Clone());
                return new Mutation(file, document, string.Empty, "once", "(document repeated)");
            case 1:
                {
                    FuzzNode extra = random.Next(3) switch
                    {
                        0 => FuzzNode.Quoted("just text"),
                        1 => new FuzzNode.Sequence([FuzzNode.Plain("a"), FuzzNode.Plain("b")]),
                        _ => new FuzzNode.Mapping([new FuzzNode.Entry(FuzzNode.Plain("metadata"), new FuzzNode.Mapping([]))]),
                    };
                    documents.Insert(document + 1, extra);
                    return new Mutation(file, document + 1, string.Empty, "(nothing)", $"(document inserted: {extra.Describe()})");
                }

            default:
                if (root is not FuzzNode.Mapping mapping)
                    return MutateField(file, documents, document, 0);
                var field = random.Next(2) == 0 ? "apiVersion" : "kind";
                var value = FuzzNode.Plain(field == "kind" ? Kinds[random.Next(Kinds.Length)] : ApiVersions[random.Next(ApiVersions.Length)]);
                var existing = mapping.Entries.Find(e => e.Key.Value == field);
                var before = existing?.Value.Describe() ?? "(absent)";
                if (existing is null)
                    mapping.Entries.Insert(0, new FuzzNode.Entry(FuzzNode.Plain(field), value));
                else
                    existing.Value = value;
                return new Mutation(file, document, field, before, value.Describe());
        }
    }

    /// <summary>Cuts <paramref name="text"/> after a random line, sometimes in the middle of that line.</summary>
    public (string Text, Mutation Mutation) Truncate(string file, string text)
    {
        var lines = text.Split('\n');
        var keep = 1 + random.Next(Math.Max(1, lines.Length - 2));
        var truncated = string.Join('\n', lines.Take(keep));
        if (random.Next(2) == 0 && lines[keep - 1].Length > 1)
            truncated = truncated[..^random.Next(1, lines[keep - 1].Length)];
        else
            truncated += "\n";
        return (truncated, new Mutation(file, -1, string.Empty, $"{lines.Length - 1} lines", $"cut to {truncated.Length} characters, in line {keep}"));
    }

    private Mutation InsertKey(FuzzNode.Mapping mapping, FuzzTarget target, Func<string, string, string?, Mutation> made)
    {
        var key = UnknownKeys[random.Next(UnknownKeys.Length)];
        var value = random.Next(2) == 0 ? PickScalar() : (FuzzNode)new FuzzNode.Mapping([new FuzzNode.Entry(FuzzNode.Plain("app"), FuzzNode.Plain("web"))]);
        var where = mapping.Entries.Count == 0 ? 0 : random.Next(mapping.Entries.Count + 1);
        mapping.Entries.Insert(where, new FuzzNode.Entry(FuzzNode.Quoted(key), value));
        var parentPath = target.Entry is null ? target.Path : target.Path[..^target.Key.Length].TrimEnd('.');
        return made("(absent)", $"key '{key}': {value.Describe()}", parentPath.Length == 0 ? key : $"{parentPath}.{key}");
    }

    /// <summary>Another value for <paramref name="old"/>: another type or shape, or a near miss of the same text.</summary>
    private FuzzNode NewValue(FuzzNode old)
    {
        switch (random.Next(12))
        {
            case 0:
                return new FuzzNode.Mapping(random.Next(2) == 0 ? [] : [new FuzzNode.Entry(FuzzNode.Plain("unexpected"), FuzzNode.Plain("value"))]);
            case 1:
                return new FuzzNode.Sequence(random.Next(3) switch
                {
                    0 => [],
                    1 => [FuzzNode.Plain(string.Empty)],
                    _ => [old.Clone()],
                });
            case 2:
                return new FuzzNode.Mapping([new FuzzNode.Entry(FuzzNode.Plain("value"), old.Clone())]);
            case 3 when old is FuzzNode.Scalar scalar:
                // the same text with the other quoting: "80" ↔ 80, "true" ↔ true
                return scalar.IsQuoted ? FuzzNode.Plain(scalar.Value) : FuzzNode.Quoted(scalar.Value);
            case 4 when old is FuzzNode.Scalar { Value.Length: > 0 } scalar:
                return NearMiss(scalar);
            case 5 when old is FuzzNode.Sequence { Items.Count: > 0 } sequence:
                return sequence.Items[0].Clone(); // a list's item where the list was
            default:
                return PickScalar();
        }
    }

    private FuzzNode.Scalar NearMiss(FuzzNode.Scalar scalar)
    {
        var text = scalar.Value;
        var changed = random.Next(5) switch
        {
            0 => text.ToUpperInvariant(),
            1 => text + "x",
            2 => text.Replace('-', '_'),
            3 => string.Concat(text, new string('z', Math.Max(0, 64 - text.Length))),
            _ => text + (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? (n * 1000).ToString(CultureInfo.InvariantCulture) : "\u001b]0;title\u0007"),
        };
        return scalar.IsQuoted ? FuzzNode.Quoted(changed) : FuzzNode.Plain(changed);
    }

    private string Misspell(string key)
    {
        if (key.Length < 2)
            return key + "x";
        var i = random.Next(key.Length - 1);
        return random.Next(4) switch
        {
            0 => string.Concat(key.AsSpan(0, i), key[i + 1].ToString(), key[i].ToString(), key.AsSpan(i + 2)), // swap two letters
            1 => key.Remove(i, 1), // drop one
            2 => char.IsUpper(key[0]) ? char.ToLowerInvariant(key[0]) + key[1..] : char.ToUpperInvariant(key[0]) + key[1..],
            _ => key.Any(char.IsUpper) ? key.ToLowerInvariant() : key + "s",
        };
    }
}
