using System.Globalization;
using System.Text;
using System.Text.Json;
using PolicyCheck.TestKit;

namespace PolicyCheck.Cli.Tests;

/// <summary><c>--group-equivalent</c>, <c>--no-group</c>, and what a terminal gets on its own when a table is too large.</summary>
[Parallelizable(ParallelScope.Fixtures)]
public sealed class MatrixGroupingTests
{
    /// <summary>cart and checkout (tier web) accept only each other on 8080; db accepts web pods on 5432.</summary>
    private const string Shop = """
        apiVersion: v1
        kind: Pod
        metadata: {name: cart, namespace: shop, labels: {app: cart, tier: web}}
        spec: {containers: [{name: c, image: nginx}]}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: checkout, namespace: shop, labels: {app: checkout, tier: web}}
        spec: {containers: [{name: c, image: nginx}]}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: db, namespace: shop, labels: {app: db, tier: db}}
        spec: {containers: [{name: c, image: postgres}]}
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: db-from-web, namespace: shop}
        spec:
          podSelector: {matchLabels: {tier: db}}
          ingress:
          - from: [{podSelector: {matchLabels: {tier: web}}}]
            ports: [{port: 5432}]
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: web-from-web, namespace: shop}
        spec:
          podSelector: {matchLabels: {tier: web}}
          ingress:
          - from: [{podSelector: {matchLabels: {tier: web}}}]
            ports: [{port: 8080}]
        """;

    private const string Outside = "ext:0.0.0.0/0";

    private const string OutsideV6 = "ext:::/0";

    /// <summary>
    /// 20 web pods and 20 api pods; api accepts web on 8080, nothing else is isolated. 42 subjects (with the outside,
    /// one per address family) in 3 groups: too wide for 80 columns (28 subjects fit), few enough groups to show.
    /// Allowed: web to web (380), web and api to each other (800), both outwards (80) and the outside to web (40):
    /// 1,300 of 42 × 41 = 1,722 pairs.
    /// </summary>
    private static readonly string FortyPods = Pods(20, "web") + Pods(20, "api") + """
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: api-from-web, namespace: x}
        spec:
          podSelector: {matchLabels: {tier: api}}
          ingress:
          - from: [{podSelector: {matchLabels: {tier: web}}}]
            ports: [{port: 8080}]
        """;

    /// <summary>
    /// 70 pods, each accepting only the next one (p01 from p02, …; nobody is p71): 72 subjects with the outside (one per
    /// address family, the two alike), 71 groups, more than 60. Allowed: the 69 pods that have a predecessor to it, and
    /// every pod to both outside subjects (140): 209 of 72 × 71 = 5,112 pairs.
    /// </summary>
    private static readonly string SeventyDistinct = SeventyPodsInAChain();

    private sealed record Run(int ExitCode, string Output, string Error);

    private static async Task<Run> OnTerminalAsync(string stdin, int width, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        using var input = new StringReader(stdin);
        var terminal = new Terminal(output, error, input, OutputIsTerminal: true, ErrorIsTerminal: false, Width: width);
        var code = await CliApp.RunAsync(args, terminal);
        return new Run(code, output.ToString(), error.ToString());
    }

    private static string Pods(int count, string tier)
    {
        var yaml = new StringBuilder();
        for (var i = 1; i <= count; i++)
        {
            yaml.Append(CultureInfo.InvariantCulture, $$$"""
                ---
                apiVersion: v1
                kind: Pod
                metadata: {name: {{{tier}}}-{{{i:00}}}, namespace: x, labels: {tier: {{{tier}}}}}
                spec: {containers: [{name: c, image: nginx}]}

                """);
        }

        return yaml.ToString();
    }

    private static string SeventyPodsInAChain()
    {
        var yaml = new StringBuilder();
        for (var i = 1; i <= 70; i++)
        {
            yaml.Append(CultureInfo.InvariantCulture, $$$"""
                ---
                apiVersion: v1
                kind: Pod
                metadata: {name: p{{{i:00}}}, namespace: x, labels: {app: p{{{i:00}}}}}
                spec: {containers: [{name: c, image: nginx}]}
                ---
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: p{{{i:00}}}-from-next, namespace: x}
                spec:
                  podSelector: {matchLabels: {app: p{{{i:00}}}}}
                  ingress:
                  - from:
                    - podSelector: {matchLabels: {app: p{{{i + 1:00}}}}}

                """);
        }

        return yaml.ToString();
    }

    private static List<string> Members(JsonElement group) => [.. group.GetProperty("members").EnumerateArray().Select(m => m.GetString()!)];

    [Test]
    [Description("k8s docs: pods selected by the same policies with the same peers are treated alike, so cart and checkout are interchangeable.")]
    public async Task Matrix_GroupEquivalentJson_GroupsAndConnectionsBetweenThem()
    {
        var result = await CliRunner.RunWithInputAsync(Shop, "matrix", "-", "--format", "json", "--group-equivalent");

        Assert.That(result.ExitCode, Is.EqualTo((int)ExitCode.Ok), result.Error);
        using var json = JsonDocument.Parse(result.Output);
        var root = json.RootElement;
        var groups = root.GetProperty("groups").EnumerateArray().ToList();
        var pairs = root.GetProperty("connections").EnumerateArray()
            .Select(c => $"{c.GetProperty("from").GetString()}->{c.GetProperty("to").GetString()}")
            .ToList();
        string[] expectedPairs = ["g1->g1", "g1->g2", "g1->g3", "g2->g2", "g2->g3"];

        using (Assert.EnterMultipleScope())
        {
            Assert.That(root.GetProperty("schema").GetString(), Is.EqualTo("policycheck/matrix/v1"));
            Assert.That(root.GetProperty("grouped").GetBoolean(), Is.True);
            Assert.That(root.GetProperty("subjects").GetArrayLength(), Is.EqualTo(5), "every subject is still listed");
            Assert.That(groups.Select(g => g.GetProperty("id").GetString()), Is.EqualTo(new[] { "g1", "g2", "g3" }));
            Assert.That(Members(groups[0]), Is.EqualTo(new[] { "shop/cart", "shop/checkout" }));
            Assert.That(Members(groups[1]), Is.EqualTo(new[] { "shop/db" }));
            Assert.That(Members(groups[2]), Is.EqualTo(new[] { Outside, OutsideV6 }), "the two address families, alike");
            Assert.That(pairs, Is.EqualTo(expectedPairs), "db and the outside reach no web pod; the outside does not reach db");
            Assert.That(result.Error, Is.Empty, "an explicit choice needs no hint");
        }
    }

    [Test]
    public async Task Matrix_GroupEquivalentPort_AllowedTrueBetweenGroups()
    {
        var result = await CliRunner.RunWithInputAsync(Shop, "matrix", "-", "-f", "json", "-g", "--port", "5432");

        using var json = JsonDocument.Parse(result.Output);
        var pairs = json.RootElement.GetProperty("connections").EnumerateArray()
            .Select(c => $"{c.GetProperty("from").GetString()}->{c.GetProperty("to").GetString()}:{c.GetProperty("allowed").GetBoolean()}")
            .ToList();
        string[] expected = ["g1->g2:True", "g1->g3:True", "g2->g2:True", "g2->g3:True"];

        using (Assert.EnterMultipleScope())
        {
            Assert.That(json.RootElement.GetProperty("port").GetString(), Is.EqualTo("5432/TCP"));
            Assert.That(pairs, Is.EqualTo(expected), "web pods accept each other on 8080 only");
        }
    }

    [Test]
    public async Task Matrix_GroupEquivalentTable_RowsAreGroupsAndLegendListsMembers()
    {
        var result = await CliRunner.RunWithInputAsync(Shop, "matrix", "-", "--group-equivalent");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.EqualTo((int)ExitCode.Ok), result.Error);
            Assert.That(result.Output, Does.StartWith("[1] shop/cart, shop/checkout (2 subjects: Pod, ingress-isolated)\n[2] shop/db (Pod, ingress-isolated)\n"));
            Assert.That(result.Output, Does.Contain("\n[1] shop/cart +1 "));
            Assert.That(result.Output, Does.EndWith("\n5 subjects in 3 groups, 10 of 20 pairs allowed, isolated: 3 ingress, 0 egress\n"));
        }
    }

    [Test]
    public async Task Matrix_GroupEquivalentMarkdown_GroupsInLegend()
    {
        var result = await CliRunner.RunWithInputAsync(Shop, "matrix", "-", "--format", "md", "-g");

        Assert.That(result.Output, Does.StartWith("1. shop/cart, shop/checkout (2 subjects: Pod, ingress-isolated)\n"));
    }

    [TestCase("--no-group", null, "--group-equivalent and --no-group cannot be used together.")]
    [TestCase("--format", "csv", "--group-equivalent works with -o table, json or md")]
    [TestCase("--format", "dot", "--group-equivalent works with -o table, json or md")]
    public async Task Matrix_GroupEquivalentWithConflictingOption_UsageError(string option, string? value, string message)
    {
        string[] args = value is null ? ["matrix", "-", "-g", option] : ["matrix", "-", "-g", option, value];

        var result = await CliRunner.RunWithInputAsync(Shop, args);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.EqualTo((int)ExitCode.UsageError));
            Assert.That(result.Error, Does.Contain(message));
            Assert.That(result.Output, Is.Empty);
        }
    }

    [Test]
    public async Task Matrix_TooWideForTheTerminal_GroupsAndSaysSoOnStderr()
    {
        var result = await OnTerminalAsync(FortyPods, 80, "matrix", "-");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.EqualTo((int)ExitCode.Ok), result.Error);
            Assert.That(result.Output, Does.StartWith("[1] x/api-01, x/api-02, x/api-03 +17 more (20 subjects: Pod, ingress-isolated)\n"));
            Assert.That(result.Output, Does.Contain("\n42 subjects in 3 groups, "));
            Assert.That(result.Error, Is.EqualTo(
                "policycheck: 42 subjects grouped into 3 equivalence groups to fit the terminal; use -o json for every pair, " +
                "or --no-group to see them all." + Environment.NewLine));
        }
    }

    [Test]
    public async Task Matrix_TooWideButPiped_FullTableAndNoHint()
    {
        var result = await CliRunner.RunWithInputAsync(FortyPods, "matrix", "-");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Output, Does.Contain("\n[41] " + Outside + " (External)\n[42] " + OutsideV6 + " (External)\n"), "every subject in the legend");
            Assert.That(result.Output, Does.EndWith("\n42 subjects, 1,300 of 1,722 pairs allowed, isolated: 20 ingress, 0 egress\n"));
            Assert.That(result.Error, Is.Empty);
        }
    }

    [Test]
    public async Task Matrix_TooWideWithNoGroup_FullTableOnTheTerminal()
    {
        var result = await OnTerminalAsync(FortyPods, 80, "matrix", "-", "--no-group");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Output, Does.Contain("\n42 subjects, 1,300 of 1,722 pairs allowed"));
            Assert.That(result.Error, Is.Empty);
        }
    }

    [TestCase("--format", "json")]
    [TestCase("--format", "csv")]
    public async Task Matrix_TooWideInAnotherFormat_Unchanged(string option, string value)
    {
        var onTerminal = await OnTerminalAsync(FortyPods, 80, "matrix", "-", option, value);
        var piped = await CliRunner.RunWithInputAsync(FortyPods, "matrix", "-", option, value);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(onTerminal.Output, Is.EqualTo(piped.Output));
            Assert.That(onTerminal.Error, Is.Empty);
        }
    }

    [Test]
    public async Task Matrix_TooWideToAFile_FullTableInTheFile()
    {
        var target = Path.Combine(TempFolder.Scratch(), "matrix.txt");

        var result = await OnTerminalAsync(FortyPods, 80, "matrix", "-", "--output-file", target);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.EqualTo((int)ExitCode.Ok), result.Error);
            Assert.That(File.ReadAllText(target), Does.EndWith("\n42 subjects, 1,300 of 1,722 pairs allowed, isolated: 20 ingress, 0 egress\n"));
            Assert.That(result.Error, Is.Empty);
        }
    }

    [Test]
    public async Task Matrix_FitsAWideTerminal_FullTable()
    {
        var result = await OnTerminalAsync(FortyPods, 200, "matrix", "-");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Output, Does.Contain("\n42 subjects, 1,300 of 1,722 pairs allowed"), "the columns fit four screens of 200");
            Assert.That(result.Error, Is.Empty);
        }
    }

    [Test]
    public async Task Matrix_TooWideAndQuiet_GroupsWithoutHint()
    {
        var result = await OnTerminalAsync(FortyPods, 80, "matrix", "-", "--quiet");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Output, Does.Contain("\n42 subjects in 3 groups, "));
            Assert.That(result.Error, Is.Empty);
        }
    }

    [Test]
    public async Task Matrix_TooManyGroupsForTheTerminal_SummaryAndHint()
    {
        var result = await OnTerminalAsync(SeventyDistinct, 80, "matrix", "-");
        var expected =
            "subjects       72 (70 workloads, 2 external)\n" +
            "groups         71 (1 with two or more members)\n" +
            "allowed pairs  209 of 5,112 (4.1%)\n" +
            "isolated       70 ingress, 0 egress\n" +
            "\n" +
            "largest groups:\n" +
            "  g71  ext:0.0.0.0/0, ext:::/0 (2 subjects: External)\n";

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.EqualTo((int)ExitCode.Ok), result.Error);
            Assert.That(result.Output.ReplaceLineEndings("\n"), Is.EqualTo(expected));
            Assert.That(result.Error, Does.StartWith("policycheck: 72 subjects fall into 71 equivalence groups, too many for a table, so this is a summary; "));
            Assert.That(result.Error, Does.Contain("--namespace, --selector or --port"));
            Assert.That(result.Error, Does.Contain("-o json"));
        }
    }
}
