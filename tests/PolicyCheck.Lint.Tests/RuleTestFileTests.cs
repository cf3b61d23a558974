namespace PolicyCheck.Lint.Tests;

/// <summary>
/// The one runner over <c>TestData/PCxxxx/*.yaml</c>: the folder's rule runs on the file, and the (ID, line) set it
/// reports must equal the <c># expect</c> comments exactly, each message containing the quoted texts.
/// </summary>
public sealed class RuleTestFileTests
{
    public static IEnumerable<TestCaseData> Cases() =>
        RuleTestData.Files().Select(f => new TestCaseData(f));

    [TestCaseSource(nameof(Cases))]
    public void TestFile_ReportsExactlyTheExpectedFindings(string relativePath)
    {
        var yaml = File.ReadAllText(Path.Combine(RuleTestData.Folder, relativePath));
        var id = RuleTestData.RuleIdOf(relativePath);
        var expected = ExpectationReader.Read(yaml);
        var isQuiet = Path.GetFileName(relativePath).StartsWith("quiet-", StringComparison.Ordinal);

        var actual = RuleTestData.Lint(yaml, relativePath, id);

        var actualKeys = actual.Select(d => $"{d.Id}@{d.Span.Line}").Order(StringComparer.Ordinal).ToList();
        var expectedKeys = expected.Select(e => $"{e.Id}@{e.Line}").Order(StringComparer.Ordinal).ToList();
        using (Assert.EnterMultipleScope())
        {
            if (isQuiet)
            {
                Assert.That(ExpectationReader.QuietReason(yaml), Is.Not.Null.And.Not.Empty, "A quiet file opens with '# quiet: <why>'.");
                Assert.That(expected, Is.Empty, "A quiet file expects nothing.");
            }
            else
            {
                Assert.That(expected, Is.Not.Empty, "A fires file has at least one '# expect:' comment.");
            }

            Assert.That(expected.Select(e => e.Id), Is.All.EqualTo(id), "Expectations name the folder's rule.");
            Assert.That(actualKeys, Is.EqualTo(expectedKeys), () => string.Join('\n', actual));
            foreach (var expectation in expected)
            {
                var messages = actual.Where(d => d.Id == expectation.Id && d.Span.Line == expectation.Line).Select(d => d.Message).ToList();
                foreach (var fragment in expectation.Fragments)
                    Assert.That(messages, Has.Some.Contains(fragment), $"line {expectation.Line}");
            }
        }
    }
}
