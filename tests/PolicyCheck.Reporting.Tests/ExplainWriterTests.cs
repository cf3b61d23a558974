using System.Text.Json;
using PolicyCheck.Core.Engine;
using PolicyCheck.Core.Explain;
using PolicyCheck.Core.Model;
using PolicyCheck.Core.Selectors;
using PolicyCheck.Reporting.Explain;

namespace PolicyCheck.Reporting.Tests;

/// <summary>The explain writers on explanations of a small cluster with spans, in every format.</summary>
public sealed class ExplainWriterTests
{
    private static readonly SourceSpan PolicySpan = new("k8s/db.yaml", 3, 1, 20, 1);
    private static readonly SourceSpan RuleSpan = new("k8s/db.yaml", 12, 7, 16, 1);
    private static readonly SourceSpan PeerSpan = new("k8s/db.yaml", 13, 11, 15, 1);
    private static readonly SourceSpan SelectorSpan = new("k8s/db.yaml", 14, 13, 15, 1);
    private static readonly SourceSpan PortSpan = new("k8s/db.yaml", 16, 11, 16, 30);

    /// <summary>shop/db admits pods labelled app=api on TCP 5432; shop/web (app=web) is turned away.</summary>
    private static Cluster Cluster()
    {
        var selector = new LabelSelector(Labels.Of(("app", "api")), [], SelectorSpan);
        var rule = new PolicyRule(
            Direction.Ingress,
            0,
            [new PolicyPeer(selector, null, null, PeerSpan)],
            [new PolicyPort(Protocol.Tcp, PortValue.Of(5432), null, PortSpan)],
            RuleSpan);
        var policy = new NetworkPolicy("shop", "db-in", LabelSelector.FromMatchLabels(("app", "db")), null, [rule], null, PolicySpan);
        var workloads = new ManifestBuilder()
            .Workload("shop/db", ("app", "db"))
            .Workload("shop/web", ("app", "web"))
            .Workload("shop/api", ("app", "api"))
            .Build();
        return workloads with { Policies = [policy] };
    }

    private static ExplainReport Report(string from, string to, PortQuery? port = null, bool color = false)
    {
        var cluster = Cluster();
        var matrix = Evaluator.Evaluate(cluster);
        var source = matrix.Subjects[matrix.IndexOf(from)];
        var destination = matrix.Subjects[matrix.IndexOf(to)];
        var flow = Explainer.Explain(cluster, source, destination, port: port);
        return new ExplainReport(from, [source], to, [destination], port, [flow], color);
    }

    private static string Write(ExplainFormat format, ExplainReport report)
    {
        using var output = new StringWriter { NewLine = "\n" };
        ExplainWriters.Create(format).Write(report, output);
        return output.ToString();
    }

    [Test]
    public void Text_Denied_LeadsEvidenceWithCompilerStyleLocations()
    {
        var text = Write(ExplainFormat.Text, Report("shop/web", "shop/db"));

        Assert.That(text, Is.EqualTo("""
            shop/web -> shop/db: denied by the ingress of shop/db (nothing is allowed)
              Egress of shop/web: not isolated; allows all
                No NetworkPolicy of type Egress selects the pod: it is not isolated for egress, so this side allows everything.
              Ingress of shop/db: isolated by 1 policy; allows nothing
                k8s/db.yaml:3:1: policy shop/db-in: allows nothing
                  k8s/db.yaml:12:7: ingress rule #1: no peer matches; allows nothing
                    k8s/db.yaml:13:11: from #1: does not match
                      k8s/db.yaml:14:13: podSelector needs label 'app=api'; the pod has 'app=web'.
                    k8s/db.yaml:16:11: port #1: TCP 5432.

            """.Replace("\r\n", "\n", StringComparison.Ordinal)));
    }

    [Test]
    public void Text_WithPort_AnswersYesOrNoPerLevel()
    {
        var text = Write(ExplainFormat.Text, Report("shop/api", "shop/db", PortQuery.Of(5432)));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(text, Does.StartWith("shop/api -> shop/db: 5432/TCP allowed\n"));
            Assert.That(text, Does.Contain("k8s/db.yaml:12:7: ingress rule #1: a peer matches; allows 5432/TCP\n"));
            Assert.That(text, Does.Contain("k8s/db.yaml:16:11: port #1: TCP 5432. Covers 5432/TCP.\n"));
        }
    }

    [Test]
    public void Text_Color_OnlyWhenAsked()
    {
        var plain = Write(ExplainFormat.Text, Report("shop/api", "shop/db"));
        var coloured = Write(ExplainFormat.Text, Report("shop/api", "shop/db", color: true));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(plain.Contains('\u001b', StringComparison.Ordinal), Is.False);
            Assert.That(coloured.StartsWith("\u001b[32mshop/api -> shop/db: allowed TCP 5432\u001b[0m\n", StringComparison.Ordinal), Is.True, coloured);
        }
    }

    [Test]
    public void Json_CarriesReasonsWithLocationsAndMessages()
    {
        using var json = JsonDocument.Parse(Write(ExplainFormat.Json, Report("shop/web", "shop/db")));

        var flow = json.RootElement.GetProperty("flows")[0];
        var ingress = flow.GetProperty("ingress");
        var rule = ingress.GetProperty("policies")[0].GetProperty("rules")[0];
        var reason = rule.GetProperty("peers")[0].GetProperty("reasons")[0];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(json.RootElement.GetProperty("schema").GetString(), Is.EqualTo("policycheck/explain/v1"));
            Assert.That(flow.GetProperty("allowed").GetBoolean(), Is.False);
            Assert.That(flow.GetProperty("allowedPorts").GetString(), Is.EqualTo("none"));
            Assert.That(ingress.GetProperty("status").GetString(), Is.EqualTo("isolated"));
            Assert.That(rule.GetProperty("ports").GetString(), Is.EqualTo("TCP 5432"));
            Assert.That(rule.GetProperty("peerMatched").GetBoolean(), Is.False);
            Assert.That(reason.GetProperty("kind").GetString(), Is.EqualTo("podLabelDiffers"));
            Assert.That(reason.GetProperty("key").GetString(), Is.EqualTo("app"));
            Assert.That(reason.GetProperty("expected").GetString(), Is.EqualTo("api"));
            Assert.That(reason.GetProperty("actual").GetString(), Is.EqualTo("web"));
            Assert.That(reason.GetProperty("location").GetProperty("line").GetInt32(), Is.EqualTo(14));
            Assert.That(reason.GetProperty("message").GetString(), Is.EqualTo("podSelector needs label 'app=api'; the pod has 'app=web'."));
            Assert.That(flow.GetProperty("egress").GetProperty("reason").GetProperty("location").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(flow.TryGetProperty("port", out _), Is.False, "no port object without --port");
        }
    }

    [Test]
    public void Json_WithNamedPortUndefined_ResolvedIsNull()
    {
        using var json = JsonDocument.Parse(Write(ExplainFormat.Json, Report("shop/api", "shop/db", PortQuery.Named("http"))));

        var port = json.RootElement.GetProperty("flows")[0].GetProperty("port");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(json.RootElement.GetProperty("port").GetString(), Is.EqualTo("http"));
            Assert.That(port.GetProperty("resolved").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(port.GetProperty("allowed").GetBoolean(), Is.False);
        }
    }

    [Test]
    public void Markdown_HeadingsListsAndEscapes()
    {
        var text = Write(ExplainFormat.Markdown, Report("shop/web", "shop/db"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(text, Does.Contain("### shop/web -> shop/db: denied by the ingress of shop/db (nothing is allowed)\n"));
            Assert.That(text, Does.Contain("\n- Ingress of shop/db: isolated by 1 policy; allows nothing\n"));
            Assert.That(text, Does.Contain("\n  - `k8s/db.yaml:3:1` policy shop/db-in: allows nothing\n"));
        }
    }

    [Test]
    public void Text_SeveralMatches_SaysWhatEachEndMatched()
    {
        var cluster = Cluster();
        var matrix = Evaluator.Evaluate(cluster);
        var web = matrix.Subjects[matrix.IndexOf("shop/web")];
        var api = matrix.Subjects[matrix.IndexOf("shop/api")];
        var db = matrix.Subjects[matrix.IndexOf("shop/db")];
        var report = new ExplainReport(
            "ns=shop,app notin (db)",
            [web, api],
            "shop/db",
            [db],
            null,
            [Explainer.Explain(cluster, web, db), Explainer.Explain(cluster, api, db)],
            Hints: new ExplainHints(From: "--from", To: "--to", IpBlockPodsIgnored: null));

        var text = Write(ExplainFormat.Text, report);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(text, Does.StartWith("--from 'ns=shop,app notin (db)' matches 2 subjects: shop/web, shop/api\n\nshop/web -> shop/db: denied"));
            Assert.That(text, Does.Contain("\n\nshop/api -> shop/db: allowed TCP 5432\n"));
        }
    }

    [Test]
    public void ReasonText_EveryKindHasASentence()
    {
        foreach (var kind in Enum.GetValues<ReasonKind>())
        {
            var sentence = ReasonText.Describe(new Reason(kind, SourceSpan.None, "k", "e", "a"));
            Assert.That(sentence, Is.Not.Empty, kind.ToString());
        }
    }

    [Test]
    public void ReasonText_IpBlockPodsIgnored_NamesTheHostsSettingOnlyWhenGiven()
    {
        var reason = new Reason(ReasonKind.IpBlockPodsIgnored, SourceSpan.None, Key: "10.0.0.0/8");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ReasonText.Describe(reason), Is.EqualTo("ipBlock 10.0.0.0/8 is not applied to pods."));
            Assert.That(
                ReasonText.Describe(reason, new ExplainHints("from", "to", IpBlockPodsIgnored: "pods ignored")),
                Is.EqualTo("ipBlock 10.0.0.0/8 is not applied to pods (pods ignored)."));
        }
    }

    [Test]
    public void Text_SeveralMatchesWithoutHints_NamesTheEndsInPlainWords()
    {
        var cluster = Cluster();
        var matrix = Evaluator.Evaluate(cluster);
        var web = matrix.Subjects[matrix.IndexOf("shop/web")];
        var api = matrix.Subjects[matrix.IndexOf("shop/api")];
        var db = matrix.Subjects[matrix.IndexOf("shop/db")];
        var report = new ExplainReport("app=x", [db], "ns=shop", [web, api], null, [Explainer.Explain(cluster, db, web), Explainer.Explain(cluster, db, api)]);

        Assert.That(Write(ExplainFormat.Text, report), Does.StartWith("to 'ns=shop' matches 2 subjects: shop/web, shop/api\n\n"));
    }

    [Test]
    [Description("docs/explain-output.md documents every reason kind the JSON can carry.")]
    public void Docs_ListEveryReasonKind()
    {
        var docs = File.ReadAllText(Path.Combine(Snapshot.RepositoryRoot(), "docs", "explain-output.md"));

        var missing = Enum.GetValues<ReasonKind>()
            .Select(k => JsonNamingPolicy.CamelCase.ConvertName(k.ToString()))
            .Where(name => !docs.Contains($"`{name}`", StringComparison.Ordinal));

        Assert.That(missing, Is.Empty);
    }

    /// <summary>
    /// Each format gets the writer of that format, told apart by how the document opens: the text's flow line, the
    /// JSON object, the Markdown heading. A switch that handed one format another's writer fails here.
    /// </summary>
    [TestCase(ExplainFormat.Text, "shop/web -> shop/db: denied")]
    [TestCase(ExplainFormat.Json, "{")]
    [TestCase(ExplainFormat.Markdown, "\n### shop/web -> shop/db: denied")]
    public void Writers_EachFormat_WritesThatFormat(ExplainFormat format, string start) =>
        Assert.That(Write(format, Report("shop/web", "shop/db")), Does.StartWith(start));

    [Test]
    public void Writers_EveryFormatHasOne()
    {
        Assert.That(Enum.GetValues<ExplainFormat>(), Is.EquivalentTo(new[] { ExplainFormat.Text, ExplainFormat.Json, ExplainFormat.Markdown }),
            "a new format needs a case in Writers_EachFormat_WritesThatFormat");
        Assert.That(() => ExplainWriters.Create((ExplainFormat)99), Throws.TypeOf<ArgumentOutOfRangeException>());
    }
}
