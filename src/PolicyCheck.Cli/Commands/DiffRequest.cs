using PolicyCheck.Reporting.Diff;

namespace PolicyCheck.Cli.Commands;

/// <summary>
/// Everything <c>policycheck diff</c> was asked to do, already parsed. <see cref="CommandRequest.Paths"/> are BASE and
/// HEAD; or with <see cref="GitRef"/>, the paths to compare (none = the current directory).
/// </summary>
public sealed record DiffRequest : CommandRequest
{
    /// <summary>Base = the paths at this git ref.</summary>
    public string? GitRef { get; init; }

    /// <summary>Head = the paths at this git ref instead of the work tree (needs <see cref="GitRef"/>).</summary>
    public string? HeadGitRef { get; init; }

    public DiffFormat Format { get; init; }

    public bool FailOnNewConnections { get; init; }

    public bool FailOnNewFindings { get; init; }

    /// <summary>Where git looks for the repository when no path is given.</summary>
    public required string WorkingDirectory { get; init; }

    /// <summary>The git program to run (tests point it elsewhere to check the message for a missing git).</summary>
    public string Git { get; init; } = "git";
}
