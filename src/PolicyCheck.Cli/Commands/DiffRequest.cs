using System.Collections.Immutable;
using PolicyCheck.Core.Engine;
using PolicyCheck.Reporting.Diff;

namespace PolicyCheck.Cli.Commands;

/// <summary>Everything <c>policycheck diff</c> was asked to do, already parsed.</summary>
/// <param name="Paths">BASE and HEAD; or with <paramref name="GitRef"/>, the paths to compare (none = the current directory).</param>
/// <param name="GitRef">Base = the paths at this git ref.</param>
/// <param name="HeadGitRef">Head = the paths at this git ref instead of the work tree (needs <paramref name="GitRef"/>).</param>
/// <param name="WorkingDirectory">Where git looks for the repository when no path is given.</param>
/// <param name="Git">The git program to run (tests point it elsewhere to check the message for a missing git).</param>
public sealed record DiffRequest(
    ImmutableArray<string> Paths,
    string? GitRef,
    string? HeadGitRef,
    DiffFormat Format,
    bool FailOnNewConnections,
    bool FailOnNewFindings,
    string? Namespace,
    string? OutputPath,
    IpBlockPodMatching IpBlockPods,
    bool Quiet,
    bool Verbose,
    string WorkingDirectory,
    string Git = "git");
