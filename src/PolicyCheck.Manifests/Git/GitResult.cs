namespace PolicyCheck.Manifests.Git;

/// <summary>How one git command ended; <paramref name="NotInstalled"/> when the program could not be started.</summary>
internal readonly record struct GitResult(int ExitCode, string Output, string Error, bool NotInstalled);
