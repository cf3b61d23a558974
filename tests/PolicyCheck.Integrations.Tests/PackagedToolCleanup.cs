namespace PolicyCheck.Integrations.Tests;

/// <summary>Removes the packed tool when the test run ends.</summary>
[SetUpFixture]
public sealed class PackagedToolCleanup
{
    [OneTimeTearDown]
    public void DeleteWorkFolder()
    {
        if (PackagedTool.WorkFolder is { } folder && Directory.Exists(folder))
            Directory.Delete(folder, recursive: true);
    }
}
