namespace PolicyCheck.Cli.Commands;

/// <summary>The lowest severity that makes <c>policycheck lint</c> exit with <see cref="ExitCode.Findings"/>.</summary>
public enum LintFailOn
{
    Note,
    Warning,
    Error,
    None,
}
