using System.Text.Json;
using PolicyCheck.Core.Engine;
using PolicyCheck.Core.Model;
using PolicyCheck.TestKit;

namespace PolicyCheck.Cli.Tests;

/// <summary>
/// Every bundled example keeps <c>expected-matrix.txt</c>, derived by hand from the Kubernetes semantics; the real
/// command line must produce exactly those connections (a subject to itself is left out of the file).
/// </summary>
[Parallelizable(ParallelScope.Fixtures)]
public sealed class ExampleMatrixTests
{
    public static IEnumerable<TestCaseData> Examples() =>
        Directory.GetDirectories(Path.Combine(Snapshot.RepositoryRoot(), "examples"))
            .Where(d => File.Exists(Path.Combine(d, "expected-matrix.txt")))
            .Order(StringComparer.Ordinal)
            .Select(d => new TestCaseData(Path.GetFileName(d)).SetName($"Example_{Path.GetFileName(d)}_MatchesExpectedMatrix"));

    [Test]
    public void Examples_AtLeastThreeShipWithExpectedMatrix() =>
        Assert.That(Examples().Count(), Is.GreaterThanOrEqualTo(3));

    [TestCaseSource(nameof(Examples))]
    public async Task Example_MatchesExpectedMatrix(string name)
    {
        var folder = CliRunner.Example(name);
        var expected = ReadExpected(Path.Combine(folder, "expected-matrix.txt"));

        var result = await CliRunner.RunAsync("matrix", folder, "--format", "json");

        Assert.That(result.ExitCode, Is.Zero, result.Error);
        var actual = ConnectionsFromJson(result.Output);
        var missing = expected.Except(actual).Order(StringComparer.Ordinal).ToList();
        var unexpected = actual.Except(expected).Order(StringComparer.Ordinal).ToList();
        Assert.That(missing.Count + unexpected.Count, Is.Zero,
            $"expected but not produced:\n  {string.Join("\n  ", missing)}\nproduced but not expected:\n  {string.Join("\n  ", unexpected)}");
    }

    /// <summary>Examples that also keep <c>expected-matrix.PROFILE.txt</c>: the matrix under <c>--cni PROFILE</c>, by hand from that plugin's docs.</summary>
    public static IEnumerable<TestCaseData> ProfileExamples() =>
        Directory.GetDirectories(Path.Combine(Snapshot.RepositoryRoot(), "examples"))
            .SelectMany(d => Directory.GetFiles(d, "expected-matrix.*.txt"))
            .Order(StringComparer.Ordinal)
            .Select(f => (Example: Path.GetFileName(Path.GetDirectoryName(f))!, Profile: Path.GetFileName(f).Split('.')[1]))
            .Select(e => new TestCaseData(e.Example, e.Profile).SetName($"Example_{e.Example}_{e.Profile}_MatchesExpectedMatrix"));

    [Test]
    public void ProfileExamples_AtLeastOneShips() =>
        Assert.That(ProfileExamples().Count(), Is.GreaterThanOrEqualTo(1));

    [TestCaseSource(nameof(ProfileExamples))]
    public async Task Example_WithProfile_MatchesExpectedMatrix(string name, string profile)
    {
        var folder = CliRunner.Example(name);
        var expected = ReadExpected(Path.Combine(folder, $"expected-matrix.{profile}.txt"));

        var result = await CliRunner.RunAsync("matrix", folder, "--format", "json", "--cni", profile);

        Assert.That(result.ExitCode, Is.Zero, result.Error);
        var actual = ConnectionsFromJson(result.Output);
        var missing = expected.Except(actual).Order(StringComparer.Ordinal).ToList();
        var unexpected = actual.Except(expected).Order(StringComparer.Ordinal).ToList();
        Assert.That(missing.Count + unexpected.Count, Is.Zero,
            $"expected but not produced:\n  {string.Join("\n  ", missing)}\nproduced but not expected:\n  {string.Join("\n  ", unexpected)}");
    }

    private static HashSet<string> ReadExpected(string path)
    {
        var lines = new HashSet<string>(StringComparer.Ordinal);
        foreach (var raw in File.ReadLines(path))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
                continue;
            var arrow = line.IndexOf(" -> ", StringComparison.Ordinal);
            var colon = line.LastIndexOf(" : ", StringComparison.Ordinal);
            Assert.That(arrow > 0 && colon > arrow, Is.True, $"'{line}' in {path} is not 'FROM -> TO : ALLOWED'.");
            var allowedText = line[(colon + 3)..];
            Assert.That(PortSet.TryParse(allowedText, out var allowed), Is.True, $"'{allowedText}' in {path} is not a port set.");
            lines.Add($"{line[..arrow].Trim()} -> {line[(arrow + 4)..colon].Trim()} : {allowed}");
        }

        return lines;
    }

    private static HashSet<string> ConnectionsFromJson(string json)
    {
        using var document = JsonDocument.Parse(json);
        var result = new HashSet<string>(StringComparer.Ordinal);
        foreach (var connection in document.RootElement.GetProperty("connections").EnumerateArray())
        {
            var from = connection.GetProperty("from").GetString();
            var to = connection.GetProperty("to").GetString();
            if (from == to)
                continue;
            result.Add($"{from} -> {to} : {ReadAllowed(connection.GetProperty("allowed"))}");
        }

        return result;
    }

    private static PortSet ReadAllowed(JsonElement allowed)
    {
        if (allowed.ValueKind == JsonValueKind.String)
            return allowed.GetString() == "all" ? PortSet.All : throw new FormatException($"Unexpected 'allowed' value {allowed}.");
        var set = PortSet.None;
        foreach (var entry in allowed.EnumerateArray())
        {
            Assert.That(ProtocolNames.TryParse(entry.GetProperty("protocol").GetString(), out var protocol), Is.True);
            var ranges = entry.GetProperty("ports").EnumerateArray().Select(r => new PortRange(r[0].GetInt32(), r[1].GetInt32()));
            set = set.Union(PortSet.FromRanges(protocol, ranges));
        }

        return set;
    }
}
