namespace PolicyCheck.TestKit;

/// <summary>
/// The NUnit categories of the slow suites. <c>bash test.sh --fast</c> leaves all three out; CI runs everything.
/// </summary>
public static class TestCategories
{
    /// <summary>Seeded sweeps over thousands of random clusters (engine, explain and diff against the reference).</summary>
    public const string Randomized = "Randomized";

    /// <summary>Tests that start another program: the SARIF multitool, git, pre-commit, dotnet pack.</summary>
    public const string External = "External";

    /// <summary>The dotnet tool, the pre-commit hook and the GitHub Action, run end to end.</summary>
    public const string Integration = "Integration";
}
