namespace PolicyCheck.Lint.Tests;

public sealed class ExpectationReaderTests
{
    [Test]
    public void Read_SameLineAndOffset_TargetTheirLines()
    {
        const string yaml = "a: 1  # expect: PC1001 'x' 'y'\n# expect@+2: PC1003\nb: 2\nc: 3\n";

        var expectations = ExpectationReader.Read(yaml);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(expectations.Select(e => (e.Id, e.Line)), Is.EqualTo(new[] { ("PC1001", 1), ("PC1003", 4) }));
            Assert.That(expectations[0].Fragments, Is.EqualTo(new[] { "x", "y" }));
            Assert.That(expectations[1].Fragments, Is.Empty);
        }
    }

    [Test]
    public void Read_TwoFindingsOnOneComment_ReadsBoth()
    {
        var expectations = ExpectationReader.Read("a: 1  # expect: PC1006 'one' PC1006 'two'\n");

        Assert.That(expectations.Select(e => e.Fragments.Single()), Is.EqualTo(new[] { "one", "two" }));
    }

    [Test]
    public void QuietReason_OnlyOnTheFirstLine()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(ExpectationReader.QuietReason("# quiet: selects web\na: 1\n"), Is.EqualTo("selects web"));
            Assert.That(ExpectationReader.QuietReason("a: 1\n# quiet: too late\n"), Is.Null);
        }
    }
}
