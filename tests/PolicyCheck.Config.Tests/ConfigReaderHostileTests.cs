namespace PolicyCheck.Config.Tests;

/// <summary>
/// Issue #12: a file read as configuration or profile that is no mapping at all may be anything (a credentials file
/// named by mistake or by a hostile pull request), so its error says what it is and where, and quotes none of it.
/// </summary>
[Parallelizable(ParallelScope.Fixtures)]
public sealed class ConfigReaderHostileTests
{
    private static readonly HashSet<string> RuleIds = ["PC1001"];

    // An INI line reads as one YAML plain scalar: 'aws_secret_access_key = AKIAEXAMPLE' is 35 characters.
    [TestCase("aws_secret_access_key = AKIAEXAMPLE\n", "a string of 35 characters")]
    [TestCase("\"hunter2\"\n", "a string of 7 characters")]
    [TestCase("123456\n", "a number")]
    [TestCase("- secret\n", "a list")]
    public void ReadConfig_RootNotAMapping_QuotesNothing(string text, string shape)
    {
        var config = ConfigReader.ReadConfig(text, "c.yaml", RuleIds, out var errors);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(config, Is.Null);
            Assert.That(errors.Select(e => $"{e.Span}: {e.Message}"), Is.EqualTo(new[] { $"c.yaml:1:1: The configuration must be a mapping, not {shape}." }));
        }
    }

    [Test]
    public void ReadProfile_RootNotAMapping_QuotesNothing()
    {
        var profile = ConfigReader.ReadProfile("ghp_0123456789abcdef\n", "p.yaml", RuleIds, out var errors);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(profile, Is.Null);
            Assert.That(errors.Select(e => $"{e.Span}: {e.Message}"), Is.EqualTo(new[] { "p.yaml:1:1: The profile must be a mapping, not a string of 20 characters." }));
        }
    }

    [Test]
    public void ReadConfig_RuleNotAMapping_StillShowsTheValueWritten()
    {
        ConfigReader.ReadConfig("rules:\n  PC1001: off\n", "c.yaml", RuleIds, out var errors);

        Assert.That(errors.Select(e => e.Message), Has.Some.Contains("'off'"), "inside a configuration the value helps, and is the user's own setting");
    }
}
