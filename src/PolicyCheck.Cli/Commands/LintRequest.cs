using PolicyCheck.Cli.Configuration;
using PolicyCheck.Reporting.Lint;

namespace PolicyCheck.Cli.Commands;

/// <summary>Everything <c>policycheck lint</c> was asked to do, already parsed and validated.</summary>
public sealed record LintRequest : CommandRequest
{
    public LintFormat Format { get; init; }

    public LintFailOn FailOn { get; init; }

    /// <summary>A shipped profile name or a profile file; null takes the configuration's, else baseline.</summary>
    public string? Profile { get; init; }

    /// <summary>Findings listed in this baseline file are suppressed.</summary>
    public string? BaselinePath { get; init; }

    /// <summary>Write the current findings to this baseline file.</summary>
    public string? WriteBaselinePath { get; init; }

    public bool ShowSuppressed { get; init; }

    /// <summary>The .policycheck.yaml that applies, already validated; null when there is none.</summary>
    internal ProjectConfig? Config { get; init; }
}
