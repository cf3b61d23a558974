using PolicyCheck.TestKit;

namespace PolicyCheck.Integrations.Tests;

/// <summary>A git repository in a fresh temporary folder, deleted on dispose; commits carry a fixed author.</summary>
internal sealed class TemporaryGitRepository : IDisposable
{
    private static readonly TimeSpan GitTimeout = TimeSpan.FromMinutes(1);

    private readonly TempFolder _folder = new();

    private TemporaryGitRepository()
    {
    }

    public string Path => _folder.Root;

    public static async Task<TemporaryGitRepository> CreateAsync()
    {
        var repository = new TemporaryGitRepository();
        await repository.GitAsync("init", "--quiet", "--initial-branch=main");
        await repository.GitAsync("config", "user.email", "tests@policycheck.invalid");
        await repository.GitAsync("config", "user.name", "PolicyCheck tests");
        await repository.GitAsync("config", "commit.gpgsign", "false");
        return repository;
    }

    /// <summary>Writes a file (folders are created) relative to the repository root.</summary>
    public void Write(string relativePath, string text) => _folder.Write(relativePath, text);

    /// <summary>Stages everything and commits it; returns the commit id.</summary>
    public async Task<string> CommitAllAsync(string message)
    {
        await GitAsync("add", "--all");
        await GitAsync("commit", "--quiet", "--message", message);
        return (await GitAsync("rev-parse", "HEAD")).Output.Trim();
    }

    public Task<ExternalCommand.Result> GitAsync(params string[] arguments) =>
        ExternalCommand.RunCheckedAsync("git", arguments, Path, GitTimeout);

    public void Dispose()
    {
        // git marks its object files read-only; clear that so the folder can be deleted everywhere.
        foreach (var file in Directory.EnumerateFiles(Path, "*", SearchOption.AllDirectories))
            File.SetAttributes(file, FileAttributes.Normal);
        _folder.Dispose();
    }
}
