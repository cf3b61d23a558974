using PolicyCheck.Core.Model;
using PolicyCheck.Core.Selectors;

namespace PolicyCheck.Core.Tests;

[Parallelizable(ParallelScope.Fixtures)]
public sealed class SelectorParserTests
{
    private static readonly IReadOnlyDictionary<string, string> Web = Labels.Of(("app", "web"), ("tier", "front"), ("env", "prod"));

    [TestCase("app=web", true)]
    [TestCase("app==web", true)]
    [TestCase("app=db", false)]
    [TestCase("app!=db", true)]
    [TestCase("missing!=x", true, Description = "kubectl: 'key!=value' also matches objects without the key")]
    [TestCase("env in (prod,stage)", true)]
    [TestCase("env notin (prod)", false)]
    [TestCase("missing notin (a)", true)]
    [TestCase("tier", true)]
    [TestCase("!tier", false)]
    [TestCase("!legacy", true)]
    [TestCase("app=web,env in (prod, stage),!legacy", true)]
    [TestCase("app=web,env=dev", false)]
    [TestCase("", true, Description = "an empty selector selects everything")]
    public void TryParse_ValidSelector_MatchesLikeKubectl(string text, bool matches)
    {
        Assert.That(SelectorParser.TryParse(text, out var selector, out var error), Is.True, error);
        Assert.That(selector.Matches(Web), Is.EqualTo(matches));
    }

    [TestCase("app in ()")]
    [TestCase("app in (a,)")]
    [TestCase("app inn (a)")]
    [TestCase("=web")]
    [TestCase("!")]
    [TestCase("app=web,,tier=x")]
    [TestCase("app in a,b")]
    public void TryParse_InvalidSelector_ExplainsWhatIsExpected(string text)
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(SelectorParser.TryParse(text, out _, out var error), Is.False);
            Assert.That(error, Does.EndWith("."));
        }
    }
}
