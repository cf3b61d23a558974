using System.IO.Compression;
using System.Text.Json;
using System.Xml.Linq;
using PolicyCheck.Core.Engine;
using PolicyCheck.TestKit;

namespace PolicyCheck.Integrations.Tests;

/// <summary>The Cli as a dotnet tool: what the package holds, and the installed command run for real.</summary>
[Category(TestCategories.Integration)]
[Parallelizable(ParallelScope.Fixtures)]
public sealed class DotnetToolTests
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(2);

    [Test]
    public async Task Package_Nuspec_CarriesToolTypeAndMetadata()
    {
        var tool = await PackagedTool.GetAsync();
        var metadata = tool.ReadNuspec().Root!.Elements().Single(e => e.Name.LocalName == "metadata"); // a nuspec has a root

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Value(metadata, "id"), Is.EqualTo("PolicyCheck"));
            Assert.That(Value(metadata, "version"), Is.EqualTo(tool.Version));
            Assert.That(Value(metadata, "authors"), Is.Not.Empty);
            Assert.That(Value(metadata, "description"), Does.Contain("NetworkPolicy"));
            Assert.That(Value(metadata, "tags")?.Split(' '), Does.Contain("kubernetes").And.Contain("networkpolicy"));
            Assert.That(Child(metadata, "license")?.Attribute("type")?.Value, Is.EqualTo("expression"));
            Assert.That(Value(metadata, "license"), Is.EqualTo("MIT"));
            Assert.That(Value(metadata, "readme"), Is.EqualTo("README.md"));
            Assert.That(Child(metadata, "repository")?.Attribute("url")?.Value, Does.StartWith("https://"));
            Assert.That(Child(metadata, "projectUrl")?.Value, Does.StartWith("https://"));
            Assert.That(
                metadata.Descendants().Where(e => e.Name.LocalName == "packageType").Select(e => e.Attribute("name")?.Value),
                Is.EqualTo(new[] { "DotnetTool" }));
        }
    }

    [Test]
    public async Task Package_Files_HoldReadmeLicenseAndPolicycheckCommand()
    {
        var tool = await PackagedTool.GetAsync();
        var root = Snapshot.RepositoryRoot();
        using var archive = ZipFile.OpenRead(tool.Package);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ReadEntry(archive, "README.md"), Is.EqualTo(File.ReadAllText(Path.Combine(root, "README.md"))));
            Assert.That(ReadEntry(archive, "LICENSE"), Is.EqualTo(File.ReadAllText(Path.Combine(root, "LICENSE"))));
            var settings = XDocument.Parse(ReadEntry(archive, "tools/net10.0/any/DotnetToolSettings.xml"));
            var command = settings.Descendants().Single(e => e.Name.LocalName == "Command");
            Assert.That(command.Attribute("Name")?.Value, Is.EqualTo("policycheck"));
            Assert.That(command.Attribute("EntryPoint")?.Value, Is.EqualTo("policycheck.dll"));
            // RollForward Major: the tool also runs where only a newer .NET runtime is installed.
            using var runtimeConfig = JsonDocument.Parse(ReadEntry(archive, "tools/net10.0/any/policycheck.runtimeconfig.json"));
            Assert.That(runtimeConfig.RootElement.GetProperty("runtimeOptions").GetProperty("rollForward").GetString(), Is.EqualTo("Major"));
        }
    }

    [Test]
    public async Task InstalledTool_Version_PrintsPackageVersion()
    {
        var tool = await PackagedTool.GetAsync();

        var result = await ExternalCommand.RunAsync(tool.Command, ["--version"], tool.ToolFolder, RunTimeout);

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        // The informational version may carry the source revision after a '+'.
        Assert.That(result.Output.Trim().Split('+')[0], Is.EqualTo(tool.Version));
    }

    [Test]
    public async Task InstalledTool_MatrixOfWebshop_MatchesExpectedMatrix()
    {
        var tool = await PackagedTool.GetAsync();
        var root = Snapshot.RepositoryRoot();
        var expected = ReadExpected(Path.Combine(root, "examples", "webshop", "expected-matrix.txt"));

        var result = await ExternalCommand.RunAsync(tool.Command, ["matrix", "examples/webshop", "--format", "csv"], root, RunTimeout);

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        var actual = ConnectionsFromCsv(result.Output);
        Assert.That(actual, Is.EquivalentTo(expected), result.Output);
    }

    private static XElement? Child(XElement parent, string name) => parent.Elements().FirstOrDefault(e => e.Name.LocalName == name);

    private static string? Value(XElement parent, string name) => Child(parent, name)?.Value;

    private static string ReadEntry(ZipArchive archive, string path)
    {
        var entry = archive.GetEntry(path);
        Assert.That(entry, Is.Not.Null, $"the package has no '{path}'.");
        using var reader = new StreamReader(entry!.Open()); // Assert.That above throws when it is null
        return reader.ReadToEnd();
    }

    /// <summary>The hand-derived <c>FROM -> TO : ALLOWED</c> lines, with ALLOWED normalised through <see cref="PortSet"/>.</summary>
    private static List<string> ReadExpected(string path) =>
        [.. File.ReadLines(path)
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l =>
            {
                var colon = l.LastIndexOf(" : ", StringComparison.Ordinal);
                return Connection(l[..colon], l[(colon + 3)..], path);
            })];

    /// <summary>
    /// The CSV matrix as <c>FROM -> TO : ALLOWED</c> lines: the header row names the destinations, each row starts
    /// with its source, and an empty cell allows nothing. A subject to itself is left out, as in the expected file.
    /// Fields holding a comma (an outside subject of several ranges, a port list) are quoted, as RFC 4180 says.
    /// </summary>
    private static List<string> ConnectionsFromCsv(string csv)
    {
        var rows = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(Fields)
            .ToList();
        var destinations = rows[0];
        var connections = new List<string>();
        foreach (var row in rows.Skip(1))
        {
            for (var i = 1; i < row.Count; i++)
            {
                if (row[i].Length > 0 && row[0] != destinations[i])
                    connections.Add(Connection($"{row[0]} -> {destinations[i]}", row[i], "the CSV matrix"));
            }
        }

        return connections;
    }

    /// <summary>One CSV record's fields: commas split them except inside double quotes, where <c>""</c> is one quote.</summary>
    private static List<string> Fields(string record)
    {
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < record.Length; i++)
        {
            var c = record[i];
            if (quoted && c == '"' && i + 1 < record.Length && record[i + 1] == '"')
            {
                field.Append('"');
                i++;
            }
            else if (c == '"')
                quoted = !quoted;
            else if (c == ',' && !quoted)
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
                field.Append(c);
        }

        fields.Add(field.ToString());
        return fields;
    }

    private static string Connection(string pair, string allowed, string source)
    {
        Assert.That(PortSet.TryParse(allowed, out var ports), Is.True, $"'{allowed}' in {source} is not a port set.");
        return $"{pair.Trim()} : {ports}";
    }
}
