namespace PolicyCheck.Manifests.Git;

/// <summary>Which files to read from which commit.</summary>
/// <param name="Reference">The ref as the user wrote it (a branch, tag or commit id).</param>
/// <param name="Paths">Paths relative to <paramref name="WorkingDirectory"/>; none = that directory.</param>
/// <param name="WorkingDirectory">Where relative paths start, and where git looks for the repository.</param>
/// <param name="Git">The git program to run (tests point it elsewhere to check the message for a missing git).</param>
public sealed record GitTreeRequest(string Reference, IReadOnlyList<string> Paths, string WorkingDirectory, string Git = "git");
