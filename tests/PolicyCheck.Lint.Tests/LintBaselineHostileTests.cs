using PolicyCheck.Lint.Suppression;

namespace PolicyCheck.Lint.Tests;

/// <summary>
/// Issue #12: a file passed as --baseline that is not JSON is reported at file:line:col with what was expected, and
/// nothing of its content: the JSON parser's own message quotes the character or token it stopped at.
/// </summary>
[Parallelizable(ParallelScope.Fixtures)]
public sealed class LintBaselineHostileTests
{
    private const string Expected = "error: the baseline is not valid JSON; expected the JSON object 'policycheck lint --write-baseline' writes.";

    // Columns count characters from 1 and point at the first character that cannot continue the JSON text.
    [TestCase("SECRET-TOKEN", "1:1")]
    [TestCase("{\"schema\": hunter2}", "1:12")]
    [TestCase("{\"schema\": \"policycheck/baseline/v1\"} sk-live-42", "1:39")]
    [TestCase("{\n  \"pässwort\": geheim\n}", "2:15")]
    [TestCase("{\"findings\": [{\"token\": 'abc'}]}", "1:25")]
    public void Read_NotJson_IsLocatedAndQuotesNothing(string text, string position)
    {
        var baseline = LintBaseline.Read(text, "baseline.json", out var error);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(baseline, Is.Null);
            Assert.That(error, Is.EqualTo($"baseline.json:{position}: {Expected}"));
        }
    }
}
