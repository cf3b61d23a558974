using static PolicyCheck.Reporting.Tests.SarifSamples;

namespace PolicyCheck.Reporting.Tests;

/// <summary>
/// partialFingerprints.primaryLocationLineHash: a hash of rule, file and start-line text with an occurrence suffix,
/// so GitHub code scanning keeps one alert for a finding whose line moves, and tells repeated findings apart.
/// </summary>
public sealed class SarifFingerprintTests
{
    private DirectoryInfo _repository = null!; // set in SetUp before every test

    [SetUp]
    public void SetUp() => _repository = Directory.CreateTempSubdirectory("policycheck-fingerprint-");

    [TearDown]
    public void TearDown() => _repository.Delete(recursive: true);

    [Test]
    public void Hash_LineMovedDown_StaysTheSame()
    {
        var before = HashOf("kind: NetworkPolicy\n  podSelector: {}\n", line: 2);
        var after = HashOf("# a comment\nkind: NetworkPolicy\n  podSelector: {}\n", line: 3);

        Assert.That(after, Is.EqualTo(before));
    }

    [Test]
    public void Hash_LineTextChanged_Changes()
    {
        var before = HashOf("kind: NetworkPolicy\n  podSelector: {}\n", line: 2);
        var after = HashOf("kind: NetworkPolicy\n  podSelector: {matchLabels: {app: web}}\n", line: 2);

        Assert.That(after, Is.Not.EqualTo(before));
    }

    [Test]
    public void Hash_SameRuleOnTwoIdenticalLines_GetsOccurrenceSuffixes()
    {
        File.WriteAllText(Path.Combine(_repository.FullName, "p.yaml"), "  podSelector: {}\n---\n  podSelector: {}\n");
        var input = Input(
            Finding(PeerSelectorsSplit, Span("p.yaml", 3, 3, 9), "b"),
            Finding(PeerSelectorsSplit, Span("p.yaml", 1, 3, 9), "a"));
        var sarif = Write(input with { RepositoryRoot = _repository.FullName });
        var first = Fingerprint(Result(sarif, 0).GetProperty("partialFingerprints").GetProperty("primaryLocationLineHash").GetString());
        var second = Fingerprint(Result(sarif, 1).GetProperty("partialFingerprints").GetProperty("primaryLocationLineHash").GetString());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(first.Hash, Is.EqualTo(second.Hash));
            Assert.That(first.Occurrence, Is.EqualTo("1"));
            Assert.That(second.Occurrence, Is.EqualTo("2"));
            Assert.That(first.Hash, Does.Match("^[0-9a-f]{16}$"));
        }
    }

    [Test]
    public void Hash_FileMissing_UsesTheMessage()
    {
        var one = Result(Write(Input(Finding(PeerSelectorsSplit, Span("gone.yaml", 1, 1, 2), "one"))));
        var two = Result(Write(Input(Finding(PeerSelectorsSplit, Span("gone.yaml", 1, 1, 2), "two"))));

        Assert.That(one.GetProperty("partialFingerprints").GetProperty("primaryLocationLineHash").GetString(),
            Is.Not.EqualTo(two.GetProperty("partialFingerprints").GetProperty("primaryLocationLineHash").GetString()));
    }

    private string HashOf(string text, int line)
    {
        File.WriteAllText(Path.Combine(_repository.FullName, "p.yaml"), text);
        var input = Input(Finding(PeerSelectorsSplit, Span("p.yaml", line, 3, 9), "p")) with
        {
            RepositoryRoot = _repository.FullName,
        };
        return Result(Write(input)).GetProperty("partialFingerprints").GetProperty("primaryLocationLineHash").GetString()!;
    }

    private static (string Hash, string Occurrence) Fingerprint(string? value)
    {
        var parts = (value ?? string.Empty).Split(':');
        return (parts[0], parts.Length > 1 ? parts[1] : string.Empty);
    }
}
