using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using PolicyCheck.Manifests;
using PolicyCheck.TestKit;

namespace PolicyCheck.Cli.Tests.Fuzz;

/// <summary>
/// Issue #12, "Done when": the bundled examples, mutated field by field (<see cref="ManifestMutator"/>), never crash
/// the command line and never lose an object. Each case writes one example folder with one (sometimes two) hostile
/// edits, runs <c>matrix --format json</c> in process (and, every few cases, lint SARIF, explain, list or services)
/// and checks: (a) the exit code is 0, 1 or 2, and for matrix 2 exactly when an error is reported; (b) no stack trace
/// or exception text, no raw control character on stderr, and the JSON or SARIF still parses; (c) every YAML document
/// of the input is evaluated (a model object starts within its lines), reported (a diagnostic on stderr lies within
/// its lines) or a counted skip of a kind PolicyCheck does not read.
/// <para>
/// Seeded and bounded: CI runs <see cref="CiSeed"/> for <see cref="DefaultSeconds"/> seconds or
/// <see cref="DefaultCases"/> cases, whichever ends first, and fails if fewer than <see cref="MinimumCases"/> ran.
/// <c>POLICYCHECK_FUZZ_SEED</c>, <c>POLICYCHECK_FUZZ_SECONDS</c> and <c>POLICYCHECK_FUZZ_CASES</c> change those;
/// <c>POLICYCHECK_FUZZ_CASE</c> replays one case of a seed. A failure prints all four.
/// </para>
/// </summary>
[Category(TestCategories.Randomized)]
[Parallelizable(ParallelScope.Fixtures)]
public sealed partial class ManifestFuzzTests
{
    private const int CiSeed = 20261207;
    private const int DefaultSeconds = 40;
    private const int DefaultCases = 1500;
    private const int MinimumCases = 150;
    private const int MaxFailuresShown = 3;

    /// <summary>The kinds PolicyCheck reads (docs/input.md); any other kind is skipped and counted.</summary>
    private static readonly string[] ReadKinds =
    [
        "Namespace", "Pod", "Service", "ReplicationController", "NetworkPolicy", "Deployment", "ReplicaSet", "StatefulSet",
        "DaemonSet", "Job", "CronJob", "EndpointSlice",
    ];

    private static readonly string[] CrashMarkers = ["Exception", "Unhandled", "internal error", "   at ", "--- End of", "System."];

    private static readonly IReadOnlyList<FuzzExample> Examples = FuzzExample.All();

    [Test]
    public void Examples_ReadIntoEditableDocuments_AllFoldersWithEveryKind()
    {
        var kinds = Examples.SelectMany(e => e.Files).SelectMany(f => f.Documents).OfType<FuzzNode.Mapping>()
            .Select(d => (d["kind"] as FuzzNode.Scalar)?.Value).ToHashSet();

        Assert.That(Examples.Select(e => e.Name), Is.SupersetOf(new[] { "webshop", "microservices", "legacy-platform", "audit-in-cluster" }));
        Assert.That(kinds, Is.SupersetOf(new[] { "Namespace", "Deployment", "StatefulSet", "CronJob", "Service", "NetworkPolicy", "ClusterRole" }));
    }

    [Test]
    public async Task Examples_WrittenBack_GiveTheSameMatrixAsTheOriginals()
    {
        foreach (var example in Examples)
        {
            var original = await CliRunner.RunAsync("matrix", CliRunner.Example(example.Name), "--format", "json", "--no-config");
            var folder = WriteFolder(TempFolder.Scratch(), example, []);
            var rewritten = await CliRunner.RunAsync("matrix", folder, "--format", "json", "--no-config");

            using (Assert.EnterMultipleScope())
            {
                Assert.That(rewritten.ExitCode, Is.EqualTo(original.ExitCode), example.Name + "\n" + rewritten.Error);
                Assert.That(rewritten.Output, Is.EqualTo(original.Output), example.Name);
                Assert.That(DiagnosticIds(rewritten.Error), Is.EqualTo(DiagnosticIds(original.Error)), example.Name);
            }
        }
    }

    [Test]
    public async Task Examples_MutatedFieldByField_NeitherCrashNorLoseAnObject()
    {
        var seed = Setting("POLICYCHECK_FUZZ_SEED", CiSeed);
        var seconds = Setting("POLICYCHECK_FUZZ_SECONDS", DefaultSeconds);
        var maxCases = Setting("POLICYCHECK_FUZZ_CASES", DefaultCases);
        var only = Environment.GetEnvironmentVariable("POLICYCHECK_FUZZ_CASE") is { Length: > 0 } one ? int.Parse(one, CultureInfo.InvariantCulture) : (int?)null;
        var targets = Targets(seed);
        var root = TempFolder.Scratch();
        var failures = new List<string>();
        var clock = Stopwatch.StartNew();
        var cases = 0;
        var commands = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var number = only ?? 0; number < (only + 1 ?? maxCases) && clock.Elapsed.TotalSeconds < seconds; number++)
        {
            var fuzzCase = Plan(seed, number, targets);
            var problems = await RunAsync(fuzzCase, Path.Combine(root, $"case-{number}"), commands);
            cases++;
            if (problems is not null)
            {
                failures.Add(problems);
                if (failures.Count >= MaxFailuresShown)
                    break;
            }
        }

        TestContext.Out.WriteLine($"manifest fuzz: seed {seed}, {cases} case(s) in {clock.Elapsed.TotalSeconds:F1} s; commands run: " +
            string.Join(", ", commands.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key} {c.Value}")));
        Assert.That(failures, Is.Empty, string.Join("\n\n==========\n\n", failures));
        if (only is null)
            Assert.That(cases, Is.GreaterThanOrEqualTo(MinimumCases), $"only {cases} cases ran in {seconds} s; the fuzz test must not pass on too few");
    }

    /// <summary>Every (example, file, document, node) of the examples once, shuffled by the seed: case N takes the Nth.</summary>
    private static List<(FuzzExample Example, int File, int Document, int Node)> Targets(int seed)
    {
        var targets = new List<(FuzzExample, int, int, int)>();
        foreach (var example in Examples)
        {
            for (var file = 0; file < example.Files.Count; file++)
            {
                for (var document = 0; document < example.Files[file].Documents.Count; document++)
                {
                    var count = FuzzTarget.All(example.Files[file].Documents[document]).Count;
                    for (var node = 0; node < count; node++)
                        targets.Add((example, file, document, node));
                }
            }
        }

        var random = new Random(seed);
        for (var i = targets.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (targets[i], targets[j]) = (targets[j], targets[i]);
        }

        return targets;
    }

    /// <summary>What one case does to its example, all from <c>(seed, number)</c>, so it replays alone.</summary>
    private static FuzzCase Plan(int seed, int number, List<(FuzzExample Example, int File, int Document, int Node)> targets)
    {
        var random = new Random(unchecked((seed * 1_000_003) + number));
        var mutator = new ManifestMutator(random);
        var (example, file, document, node) = targets[number % targets.Count];
        var documents = example.Files.Select(f => f.Documents.Select(d => d.Clone()).ToList()).ToList();
        var mutations = new List<Mutation>();
        var truncate = new Dictionary<int, bool>();
        var roll = random.Next(100);
        var fileName = example.Files[file].Name;
        if (roll < 7)
            truncate[file] = true;
        else if (roll < 25)
            mutations.Add(mutator.MutateDocument(fileName, documents[file], document));
        else
            mutations.Add(mutator.MutateField(fileName, documents[file], document, node));

        if (random.Next(100) < 15)
        {
            // A second edit anywhere in the same example, picked from the documents as they are now.
            var other = random.Next(documents.Count);
            if (documents[other].Count > 0)
            {
                var otherDocument = random.Next(documents[other].Count);
                var count = FuzzTarget.All(documents[other][otherDocument]).Count;
                mutations.Add(mutator.MutateField(example.Files[other].Name, documents[other], otherDocument, random.Next(count)));
            }
        }

        var written = new List<FuzzCase.Written>();
        for (var i = 0; i < documents.Count; i++)
        {
            var output = FuzzYamlWriter.Write(documents[i]);
            var text = output.Text;
            var ranges = output.Documents.ToList();
            if (truncate.ContainsKey(i))
            {
                Mutation cut;
                (text, cut) = mutator.Truncate(example.Files[i].Name, text);
                mutations.Add(cut);
                var lastLine = text.Count(c => c == '\n') + (text.EndsWith('\n') ? 0 : 1);
                ranges = [.. ranges.Where(r => r.First <= lastLine).Select(r => (r.First, Math.Min(r.Last, lastLine)))];
                if (ranges.Count > 1 && ranges[^1].First == lastLine)
                {
                    // Only the last document's '---' line (or part of it) is left: no document, and what is left of
                    // the line belongs to the document before.
                    ranges.RemoveAt(ranges.Count - 1);
                    ranges[^1] = (ranges[^1].First, lastLine);
                }
            }

            if (ranges.Count > 0)
                ranges[^1] = (ranges[^1].First, text.Count(c => c == '\n') + 1); // the end of the file is in the last document

            written.Add(new FuzzCase.Written(example.Files[i].Name, text, ranges, documents[i], truncate.ContainsKey(i)));
        }

        return new FuzzCase(seed, number, example, mutations, written, random.Next(4) == 0 ? random.Next(4) : -1);
    }

    /// <summary>Runs one case; null when every check held, else the report to print.</summary>
    private static async Task<string?> RunAsync(FuzzCase fuzzCase, string root, Dictionary<string, int> commands)
    {
        var folder = Path.Combine(root, fuzzCase.Example.Name);
        foreach (var file in fuzzCase.Files)
        {
            Directory.CreateDirectory(folder);
            await File.WriteAllTextAsync(Path.Combine(folder, file.Name), file.Text);
        }

        var problems = new List<string>();
        string[] matrixArgs = ["matrix", folder, "--format", "json", "--verbose", "--no-config"];
        var matrix = await CliRunner.RunAsync(matrixArgs);
        Count(commands, "matrix");
        CheckRun(matrix, matrixArgs, problems);
        var loaded = ManifestLoader.Load([folder]);
        var diagnostics = ParseDiagnostics(matrix.Error);
        var errors = diagnostics.Count(d => d.Severity == "error");
        if (matrix.ExitCode != (errors > 0 ? 2 : 0))
            problems.Add($"matrix exited with {matrix.ExitCode} although stderr holds {errors} error(s); expected {(errors > 0 ? 2 : 0)}");
        JsonDocument? json = null;
        try
        {
            json = JsonDocument.Parse(matrix.Output);
        }
        catch (JsonException ex)
        {
            problems.Add($"matrix --format json wrote no JSON: {ex.Message}");
        }

        using (json)
        {
            if (json is not null)
                CheckModel(json, loaded, matrix.Error, problems);
            CheckAccounting(fuzzCase, folder, loaded, diagnostics, matrix.Error, problems);
            if (fuzzCase.ExtraCommand >= 0 && json is not null)
                await RunExtraAsync(fuzzCase.ExtraCommand, folder, json, commands, problems);
        }

        Directory.Delete(root, recursive: true);
        return problems.Count == 0 ? null : Report(fuzzCase, problems, matrix);
    }

    /// <summary>One of lint (SARIF), explain, list, services: the same hostile input through another command.</summary>
    private static async Task RunExtraAsync(int which, string folder, JsonDocument matrix, Dictionary<string, int> commands, List<string> problems)
    {
        var workloads = matrix.RootElement.GetProperty("subjects").EnumerateArray()
            .Where(s => s.TryGetProperty("namespace", out _)).Select(s => s.GetProperty("id").GetString()!).ToList();
        string[] args = which switch
        {
            0 => ["lint", folder, "--format", "sarif", "--no-config"],
            1 when workloads.Count > 0 => ["explain", folder, "--from", workloads[0], "--to", workloads[^1], "--format", "json", "--no-config"],
            2 => ["list", folder, "--format", "json", "--no-config"],
            _ => ["services", folder, "--format", "json", "--no-config"],
        };
        var result = await CliRunner.RunAsync(args);
        Count(commands, args[0]);
        CheckRun(result, args, problems);
        try
        {
            using var output = JsonDocument.Parse(result.Output);
            if (args[0] == "lint" && output.RootElement.GetProperty("version").GetString() != "2.1.0")
                problems.Add("lint --format sarif wrote a log whose version is not 2.1.0");
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            problems.Add($"{args[0]} wrote output that is not the JSON expected: {ex.Message}");
        }
    }

    /// <summary>(a) and (b): the exit code, and nothing of a crash on either stream.</summary>
    private static void CheckRun(CliRunner.Result result, string[] args, List<string> problems)
    {
        var command = string.Join(' ', args.Skip(2).Prepend(args[0]));
        if (result.ExitCode is not (0 or 1 or 2))
            problems.Add($"'{command}' exited with {result.ExitCode}; expected 0, 1 or 2");
        foreach (var marker in CrashMarkers)
        {
            if (result.Output.Contains(marker, StringComparison.Ordinal) || result.Error.Contains(marker, StringComparison.Ordinal))
                problems.Add($"'{command}' printed '{marker.Trim()}', the mark of a crash");
        }

        foreach (var c in result.Error)
        {
            if (char.IsControl(c) && c != '\n')
            {
                problems.Add($"'{command}' wrote the raw control character U+{(int)c:X4} to stderr");
                break;
            }
        }
    }

    /// <summary>The model the CLI evaluated (its --verbose counts, its JSON subjects) is the one the loader builds.</summary>
    private static void CheckModel(JsonDocument json, LoadResult loaded, string error, List<string> problems)
    {
        var cluster = loaded.Cluster;
        var model = $"model: {cluster.Namespaces.Length} namespace(s), {cluster.Workloads.Length} workload(s), {cluster.Services.Length} service(s), {cluster.Policies.Length} network polic(ies)";
        if (!error.Contains(model, StringComparison.Ordinal))
            problems.Add($"the CLI's --verbose model line differs from the loader's '{model}'");
        // Ids get a [Kind] suffix where two workloads share a name, so compare namespace, name and kind.
        // A workload marked assumed (the cluster DNS the inputs lack) is PolicyCheck's, not the loader's.
        var subjects = json.RootElement.GetProperty("subjects").EnumerateArray()
            .Where(s => s.TryGetProperty("namespace", out _) && !s.TryGetProperty("assumed", out _))
            .Select(s => $"{s.GetProperty("namespace").GetString()}/{s.GetProperty("name").GetString()} {s.GetProperty("kind").GetString()}")
            .Order(StringComparer.Ordinal).ToList();
        var workloads = cluster.Workloads.Select(w => $"{w.Namespace}/{w.Name} {w.Kind}").Order(StringComparer.Ordinal).ToList();
        if (!subjects.SequenceEqual(workloads))
            problems.Add($"the JSON subjects [{string.Join(", ", subjects)}] are not the loaded workloads [{string.Join(", ", workloads)}]");
    }

    /// <summary>
    /// (c): each document is evaluated, reported within its lines, or a counted skip. A duplicate (PC0042) replaces the
    /// earlier definition and names its location, so it accounts for the earlier document too.
    /// </summary>
    private static void CheckAccounting(FuzzCase fuzzCase, string folder, LoadResult loaded, List<ReportedDiagnostic> diagnostics, string error, List<string> problems)
    {
        var cluster = loaded.Cluster;
        var starts = cluster.Namespaces.Where(n => n.Declared).Select(n => n.Span)
            .Concat(cluster.Workloads.Select(w => w.Span))
            .Concat(cluster.Services.Select(s => s.Span))
            .Concat(cluster.Policies.Select(p => p.Span))
            .Select(s => (Path: Path.GetFullPath(s.Path), s.Line))
            .ToList();
        var skips = 0;
        foreach (var file in fuzzCase.Files)
        {
            var path = Path.GetFullPath(Path.Combine(folder, file.Name));
            for (var d = 0; d < file.Ranges.Count; d++)
            {
                var (first, last) = file.Ranges[d];
                var document = file.Documents[d];
                if (document is FuzzNode.Scalar { IsQuoted: false, Value: "" or "~" or "null" })
                    continue; // an empty document holds no object
                if (starts.Any(s => s.Path == path && s.Line >= first && s.Line <= last))
                    continue;
                if (diagnostics.Any(r => r.Within(path, first, last)))
                    continue;
                var cut = file.Truncated && d == file.Ranges.Count - 1;
                if (IsSkippable(cut ? TypeFields(file.Text, first, last) : document))
                {
                    skips++;
                    continue;
                }

                problems.Add($"{file.Name} document {d + 1} (lines {first}–{last}, {Describe(document)}) was neither evaluated nor " +
                    "reported within its lines, and is not a kind PolicyCheck skips");
            }
        }

        var counted = loaded.Statistics.SkippedKinds.Values.Sum();
        if (skips > counted)
            problems.Add($"{skips} document(s) of unread kinds vanished, but only {counted} skip(s) were counted");
        if (counted > 0 && !error.Contains("skipped: ", StringComparison.Ordinal))
            problems.Add("objects were skipped but --verbose does not say so");
    }

    /// <summary>
    /// Whether PolicyCheck may skip the document (issue #12): a kind it does not read, even case-insensitively, or one
    /// of its kinds in a group outside Kubernetes (a custom resource of the same name); a Pod that finished.
    /// </summary>
    private static bool IsSkippable(FuzzNode document)
    {
        if (document is not FuzzNode.Mapping mapping || TextOf(mapping["kind"]) is not { Length: > 0 } kind ||
            TextOf(mapping["apiVersion"]) is not { Length: > 0 } apiVersion)
            return false;
        if (!IsKindName(kind))
            return false;
        if (!ReadKinds.Contains(kind, StringComparer.OrdinalIgnoreCase))
            return true;
        if (!ReadKinds.Contains(kind, StringComparer.Ordinal))
            return false;
        var group = apiVersion.Contains('/', StringComparison.Ordinal) ? apiVersion[..apiVersion.IndexOf('/', StringComparison.Ordinal)] : string.Empty;
        var kubernetes = !group.Contains('.', StringComparison.Ordinal) || group == "k8s.io" || group.EndsWith(".k8s.io", StringComparison.Ordinal);
        var finishedPod = kind == "Pod" && (mapping["status"] as FuzzNode.Mapping)?["phase"] is FuzzNode.Scalar { Value: "Succeeded" or "Failed" };
        return !kubernetes || finishedPod;
    }

    /// <summary>
    /// Whether no API could serve <paramref name="kind"/>: the API server requires a kind, lowercased, to be a DNS-1035
    /// label (apiextensions validation of a CRD's <c>names.kind</c>), so <c>NetworkPolicy </c> or <c>Network Policy</c>
    /// is a broken object, not some other kind to skip.
    /// </summary>
    private static bool IsKindName(string kind) => kind.Length <= 63 && KindName().IsMatch(kind);

    /// <summary>
    /// The <c>apiVersion</c> and <c>kind</c> a truncated document still has, read from its lines: the writer puts the
    /// fields of a document at column 0, plain or double-quoted with JSON-compatible escapes (a cut-off quote is left out).
    /// </summary>
    private static FuzzNode.Mapping TypeFields(string text, int first, int last)
    {
        var entries = new List<FuzzNode.Entry>();
        foreach (var line in text.Split('\n').Skip(first - 1).Take(last - first + 1))
        {
            var match = TypeField().Match(line);
            if (!match.Success)
                continue;
            var value = match.Groups["value"].Value;
            FuzzNode.Scalar? scalar = null;
            if (!value.StartsWith('"'))
                scalar = FuzzNode.Plain(value);
            else if (value.Length > 1 && value.EndsWith('"') && Unquote(value) is { } unquoted)
                scalar = FuzzNode.Quoted(unquoted);
            if (scalar is not null)
                entries.Add(new FuzzNode.Entry(FuzzNode.Plain(match.Groups["field"].Value), scalar));
        }

        return new FuzzNode.Mapping(entries);
    }

    private static string? Unquote(string quoted)
    {
        try
        {
            return JsonSerializer.Deserialize<string>(quoted.Replace("\\0", "\\u0000", StringComparison.Ordinal));
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>A scalar's text when YAML reads it as a string: quoted, or plain and not a null, boolean or number.</summary>
    private static string? TextOf(FuzzNode? node) => node switch
    {
        FuzzNode.Scalar { IsQuoted: true } quoted => quoted.Value,
        FuzzNode.Scalar { Tag: null } plain when PlainWord().IsMatch(plain.Value) && !IsYaml11Word(plain.Value) => plain.Value,
        _ => null,
    };

    private static bool IsYaml11Word(string value) =>
        value.ToLowerInvariant() is "y" or "n" or "yes" or "no" or "true" or "false" or "on" or "off" or "null";

    private static string Describe(FuzzNode document) => document is FuzzNode.Mapping mapping
        ? $"kind {mapping["kind"]?.Describe() ?? "(none)"}, apiVersion {mapping["apiVersion"]?.Describe() ?? "(none)"}, name {(mapping["metadata"] as FuzzNode.Mapping)?["name"]?.Describe() ?? "(none)"}"
        : document.Describe();

    private static string Report(FuzzCase fuzzCase, List<string> problems, CliRunner.Result matrix)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"seed {fuzzCase.Seed}, case {fuzzCase.Number}, example {fuzzCase.Example.Name}");
        text.AppendLine(CultureInfo.InvariantCulture, $"replay: POLICYCHECK_FUZZ_SEED={fuzzCase.Seed} POLICYCHECK_FUZZ_CASE={fuzzCase.Number} dotnet test tests/PolicyCheck.Cli.Tests --filter Name~MutatedFieldByField");
        foreach (var mutation in fuzzCase.Mutations)
            text.AppendLine(CultureInfo.InvariantCulture, $"mutation: {mutation}");
        foreach (var problem in problems)
            text.AppendLine(CultureInfo.InvariantCulture, $"problem: {problem}");
        text.AppendLine(CultureInfo.InvariantCulture, $"matrix exit {matrix.ExitCode}; stderr:");
        foreach (var line in matrix.Error.Split('\n').Take(30))
            text.Append("  ").AppendLine(line);
        foreach (var name in fuzzCase.Mutations.Select(m => m.File).Distinct(StringComparer.Ordinal))
        {
            var file = fuzzCase.Files.First(f => f.Name == name);
            text.AppendLine(CultureInfo.InvariantCulture, $"--- mutated {name}:");
            var lines = file.Text.Split('\n');
            for (var i = 0; i < lines.Length; i++)
                text.AppendLine(CultureInfo.InvariantCulture, $"{i + 1,4}  {lines[i]}");
        }

        return text.ToString();
    }

    private static string WriteFolder(string root, FuzzExample example, IReadOnlyList<FuzzCase.Written> replaced)
    {
        var folder = Directory.CreateDirectory(Path.Combine(root, example.Name)).FullName;
        foreach (var file in example.Files)
        {
            var text = replaced.FirstOrDefault(r => r.Name == file.Name)?.Text ?? FuzzYamlWriter.Write(file.Documents).Text;
            File.WriteAllText(Path.Combine(folder, file.Name), text);
        }

        return folder;
    }

    /// <summary>The diagnostics on stderr (<c>path:line:col: severity PC0000: message</c>).</summary>
    private static List<ReportedDiagnostic> ParseDiagnostics(string error) =>
        [.. DiagnosticLine().Matches(error).Select(m => new ReportedDiagnostic(
            Path.GetFullPath(m.Groups["path"].Value), int.Parse(m.Groups["line"].Value, CultureInfo.InvariantCulture),
            m.Groups["severity"].Value, m.Groups["id"].Value, m.Groups["message"].Value))];

    private static List<string> DiagnosticIds(string error) =>
        [.. DiagnosticLine().Matches(error).Select(m => $"{m.Groups["line"].Value} {m.Groups["id"].Value}")];

    private static void Count(Dictionary<string, int> commands, string command) =>
        commands[command] = commands.GetValueOrDefault(command) + 1;

    private static int Setting(string name, int fallback) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

    [GeneratedRegex(@"^(?<path>/[^\n]*?):(?<line>\d+):(?<column>\d+): (?<severity>error|warning|note) (?<id>PC\d{4}): (?<message>[^\n]*)$", RegexOptions.Multiline)]
    private static partial Regex DiagnosticLine();

    [GeneratedRegex("^[A-Za-z][^:#]*$")]
    private static partial Regex PlainWord();

    [GeneratedRegex("^(?<field>kind|apiVersion): (?<value>.+)$")]
    private static partial Regex TypeField();

    [GeneratedRegex("^[A-Za-z]([-A-Za-z0-9]*[A-Za-z0-9])?$")]
    private static partial Regex KindName();

    private sealed record ReportedDiagnostic(string Path, int Line, string Severity, string Id, string Message)
    {
        /// <summary>Whether it points into lines <paramref name="first"/>–<paramref name="last"/> of the file, or is a duplicate naming them.</summary>
        public bool Within(string path, int first, int last)
        {
            if (Path == path && Line >= first && Line <= last)
                return true;
            if (Id != "PC0042")
                return false;
            var at = Message.IndexOf(path + ":", StringComparison.Ordinal);
            return at >= 0 && int.TryParse(Message.AsSpan(at + path.Length + 1).ToString().Split(':')[0], CultureInfo.InvariantCulture, out var line) && line >= first && line <= last;
        }
    }
}
