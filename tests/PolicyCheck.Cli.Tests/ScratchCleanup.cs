using PolicyCheck.TestKit;

namespace PolicyCheck.Cli.Tests;

/// <summary>Deletes the scratch folders the tests of this assembly made, once they all ran.</summary>
[SetUpFixture]
public sealed class ScratchCleanup
{
    [OneTimeTearDown]
    public void DeleteScratchFolders() => TempFolder.DeleteScratches();
}
