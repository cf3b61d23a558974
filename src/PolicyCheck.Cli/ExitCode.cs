namespace PolicyCheck.Cli;

/// <summary>
/// The process exit codes a CI can rely on. When several apply, the most severe (highest) wins.
/// Documented in <c>--help</c> and in the README.
/// </summary>
public enum ExitCode
{
    /// <summary>Everything was read and evaluated.</summary>
    Ok = 0,

    /// <summary>Findings at or above the failure threshold (lint, diff gates).</summary>
    Findings = 1,

    /// <summary>
    /// Some input could not be read or was rejected, or holds a policy of a kind PolicyCheck does not evaluate that
    /// was not acknowledged (<c>--ignore-kind</c>): results are incomplete.
    /// </summary>
    IncompleteInput = 2,

    /// <summary>The command line was wrong (unknown option, bad value, no input).</summary>
    UsageError = 3,

    /// <summary>The cluster could not be reached or refused the request (audit).</summary>
    ClusterUnreachable = 4,

    /// <summary>A bug in PolicyCheck: please report it.</summary>
    InternalError = 10,
}
