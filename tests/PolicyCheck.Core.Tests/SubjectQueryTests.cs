using PolicyCheck.Core.Engine;
using PolicyCheck.TestKit;

namespace PolicyCheck.Core.Tests;

[Parallelizable(ParallelScope.Fixtures)]
public sealed class SubjectQueryTests
{
    private static readonly ReachabilityMatrix Matrix = Evaluator.Evaluate(new ManifestBuilder()
        .Workload("shop/web", w => w.Labels(("app", "web"), ("tier", "front")).PodNames("web-5d9f-abcde", "web-5d9f-fghij"))
        .Workload("shop/api", ("app", "api"))
        .Workload("data/web", ("app", "web"))
        .Policy("shop/only-api", p => p.Select(("app", "api")).Ingress(r => r.IpBlock("10.0.0.0/8")))
        .Build());

    private static List<string> Ids(string text)
    {
        Assert.That(SubjectQuery.TryParse(text, out var query, out var error), Is.True, error);
        return [.. query!.Resolve(Matrix).Select(i => Matrix.Subjects[i].Id)];
    }

    [Test]
    public void Resolve_NamespaceAndName_FindsTheWorkload() => Assert.That(Ids("shop/web"), Is.EqualTo(new[] { "shop/web" }));

    [Test]
    public void Resolve_PodName_FindsItsWorkload() => Assert.That(Ids("shop/web-5d9f-fghij"), Is.EqualTo(new[] { "shop/web" }));

    [Test]
    public void Resolve_SelectorWithNamespace_LimitsToIt() => Assert.That(Ids("ns=shop,app=web"), Is.EqualTo(new[] { "shop/web" }));

    [Test]
    public void Resolve_SelectorWithoutNamespace_SearchesAll() => Assert.That(Ids("app=web"), Is.EqualTo(new[] { "data/web", "shop/web" }));

    [Test]
    public void Resolve_Address_FindsTheExternalRangeHoldingIt() =>
        Assert.That(Ids("10.1.2.3"), Is.EqualTo(new[] { "ext:10.0.0.0/8" }));

    [Test]
    public void Resolve_Cidr_FindsEveryOverlappingRange() =>
        Assert.That(Ids("0.0.0.0/0"), Is.EqualTo(new[] { "ext:0.0.0.0-9.255.255.255,11.0.0.0-255.255.255.255", "ext:10.0.0.0/8" }));

    [TestCase("")]
    [TestCase("a/b/c")]
    [TestCase("app in ()")]
    public void TryParse_Invalid_ExplainsTheForms(string text)
    {
        Assert.That(SubjectQuery.TryParse(text, out _, out var error), Is.False);
        Assert.That(error, Does.EndWith("."));
    }
}
