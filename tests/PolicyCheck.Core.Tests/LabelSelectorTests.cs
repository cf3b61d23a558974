using System.Collections.Immutable;
using PolicyCheck.Core.Model;
using PolicyCheck.Core.Selectors;
using PolicyCheck.TestKit;

namespace PolicyCheck.Core.Tests;

[Parallelizable(ParallelScope.Fixtures)]
public sealed class LabelSelectorTests
{
    private const string LabelsPage = "kubernetes.io/docs/concepts/overview/working-with-objects/labels/";

    private static readonly ImmutableSortedDictionary<string, string> NoLabels = Labels.Empty;
    private static readonly string[] AppKey = ["app"];

    [Test]
    [Description("k8s: an empty label selector {} matches all objects (" + LabelsPage + ", 'API': empty selector).")]
    public void Matches_EmptySelector_MatchesEverything()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(LabelSelector.Everything.Matches(NoLabels), Is.True);
            Assert.That(LabelSelector.Everything.Matches(Labels.Of(("app", "web"))), Is.True);
            Assert.That(LabelSelector.Everything.IsEmpty, Is.True);
        }
    }

    [TestCase("web", true)]
    [TestCase("api", false)]
    [TestCase("", false)]
    [TestCase(null, false)]
    [Description("k8s docs: equality-based requirement app = web matches only objects whose app label equals web (" + LabelsPage + ").")]
    public void Matches_MatchLabels_RequiresKeyWithEqualValue(string? value, bool expected)
    {
        var labels = value is null ? NoLabels : Labels.Of(("app", value));

        Assert.That(Selector.MatchLabels(("app", "web")).Matches(labels), Is.EqualTo(expected));
    }

    [TestCase("", true)]
    [TestCase("prod", false)]
    [TestCase(null, false)]
    [Description("k8s: matchLabels {env: \"\"} requires env to be present with an empty value; a missing key does not match (" + LabelsPage + ").")]
    public void Matches_MatchLabelsEmptyValue_RequiresKeyPresent(string? value, bool expected)
    {
        var labels = value is null ? NoLabels : Labels.Of(("env", value));

        Assert.That(Selector.MatchLabels(("env", "")).Matches(labels), Is.EqualTo(expected));
    }

    [TestCase(SelectorOperator.In, "prod", true)]
    [TestCase(SelectorOperator.In, "dev", false)]
    [TestCase(SelectorOperator.In, null, false)]
    [TestCase(SelectorOperator.NotIn, "prod", false)]
    [TestCase(SelectorOperator.NotIn, "dev", true)]
    [TestCase(SelectorOperator.NotIn, null, true)]
    [TestCase(SelectorOperator.Exists, "", true)]
    [TestCase(SelectorOperator.Exists, null, false)]
    [TestCase(SelectorOperator.DoesNotExist, "", false)]
    [TestCase(SelectorOperator.DoesNotExist, null, true)]
    [Description("k8s docs: set-based operators In, NotIn, Exists, DoesNotExist; NotIn and DoesNotExist also select objects without the key (" + LabelsPage + ", set-based requirement).")]
    public void Matches_Operator_AsKubernetesDefinesIt(SelectorOperator op, string? value, bool expected)
    {
        string[] values = op is SelectorOperator.In or SelectorOperator.NotIn ? ["prod", "qa"] : [];
        var labels = value is null ? NoLabels : Labels.Of(("env", value));

        Assert.That(Selector.Expression("env", op, values).Matches(labels), Is.EqualTo(expected));
    }

    [Test]
    [Description("k8s API reference: matchLabels and matchExpressions are ANDed; all requirements must hold (LabelSelector, meta/v1).")]
    public void Matches_SeveralTerms_AllMustHold()
    {
        var selector = Selector.MatchLabels(("app", "web")).And(Selector.Exists("tier")).And(Selector.NotIn("env", "prod"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(selector.Matches(Labels.Of(("app", "web"), ("tier", "front"))), Is.True);
            Assert.That(selector.Matches(Labels.Of(("app", "web"), ("tier", "front"), ("env", "prod"))), Is.False);
            Assert.That(selector.Matches(Labels.Of(("app", "web"))), Is.False);
            Assert.That(selector.Matches(Labels.Of(("tier", "front"))), Is.False);
        }
    }

    [Test]
    public void Matches_DefaultExpressionArray_TreatedAsNoExpressions()
    {
        var selector = new LabelSelector(Labels.Of(("app", "web")), default, SourceSpan.None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(selector.Matches(Labels.Of(("app", "web"))), Is.True);
            Assert.That(selector.Keys.ToList(), Is.EqualTo(AppKey));
        }
    }

    [Test]
    public void ToString_AllOperators_KubectlSyntax()
    {
        var selector = Selector.MatchLabels(("app", "web"))
            .And(Selector.In("tier", "a", "b"))
            .And(Selector.NotIn("env", "prod"))
            .And(Selector.Exists("canary"))
            .And(Selector.DoesNotExist("legacy"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(selector.ToString(), Is.EqualTo("app=web,tier in (a,b),env notin (prod),canary,!legacy"));
            Assert.That(LabelSelector.Everything.ToString(), Is.EqualTo("{}"));
        }
    }
}
