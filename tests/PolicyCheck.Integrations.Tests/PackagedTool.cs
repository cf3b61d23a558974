using System.IO.Compression;
using System.Xml.Linq;
using PolicyCheck.TestKit;

namespace PolicyCheck.Integrations.Tests;

/// <summary>
/// The dotnet tool, packed once per test run the way the README tells users to: <c>dotnet pack PolicyCheck.sln
/// -c Release</c> into a temporary folder, then <c>dotnet tool install --tool-path TMP --add-source PKGDIR
/// PolicyCheck</c>. Packing the solution, not the Cli project, also shows that nothing else is packable.
/// </summary>
internal sealed record PackagedTool(string PackageFolder, string Package, string Version, string ToolFolder)
{
    private static readonly TimeSpan PackTimeout = TimeSpan.FromMinutes(10);
    private static readonly Lazy<Task<PackagedTool>> Shared = new(PackAndInstallAsync);

    /// <summary>The temporary folder of this test run's package and tool, once created.</summary>
    public static string? WorkFolder { get; private set; }

    public string Command => Path.Combine(ToolFolder, OperatingSystem.IsWindows() ? "policycheck.exe" : "policycheck");

    /// <summary>Packs and installs on first use; later callers share the result (or the failure).</summary>
    public static Task<PackagedTool> GetAsync() => Shared.Value;

    /// <summary>The <c>.nuspec</c> inside the package.</summary>
    public XDocument ReadNuspec()
    {
        using var archive = ZipFile.OpenRead(Package);
        var entry = archive.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal) && !e.FullName.Contains('/', StringComparison.Ordinal));
        using var stream = entry.Open();
        return XDocument.Load(stream);
    }

    private static async Task<PackagedTool> PackAndInstallAsync()
    {
        var root = Snapshot.RepositoryRoot();
        WorkFolder = Directory.CreateTempSubdirectory("policycheck-tool-").FullName;
        var packages = Path.Combine(WorkFolder, "packages");
        var tool = Path.Combine(WorkFolder, "tool");

        await ExternalCommand.RunCheckedAsync(
            "dotnet", ["pack", "PolicyCheck.sln", "--configuration", "Release", "--output", packages, "--nologo"], root, PackTimeout);
        var nupkgs = Directory.GetFiles(packages, "*.nupkg");
        Assert.That(nupkgs.Select(Path.GetFileName), Has.Exactly(1).StartsWith("PolicyCheck."),
            $"dotnet pack wrote {string.Join(", ", nupkgs.Select(Path.GetFileName))}.");
        var package = nupkgs.Single(p => Path.GetFileName(p).StartsWith("PolicyCheck.", StringComparison.Ordinal));
        var version = Path.GetFileNameWithoutExtension(package)["PolicyCheck.".Length..];

        await ExternalCommand.RunCheckedAsync(
            "dotnet", ["tool", "install", "--tool-path", tool, "--add-source", packages, "--version", version, "PolicyCheck"], WorkFolder, PackTimeout);
        return new PackagedTool(packages, package, version, tool);
    }
}
