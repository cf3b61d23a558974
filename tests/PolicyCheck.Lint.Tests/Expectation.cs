namespace PolicyCheck.Lint.Tests;

/// <summary>One expected finding: rule ID at a 1-based line, with texts its message must contain.</summary>
public sealed record Expectation(string Id, int Line, IReadOnlyList<string> Fragments);
