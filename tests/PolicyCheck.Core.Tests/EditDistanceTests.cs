using PolicyCheck.Core.Diagnostics;

namespace PolicyCheck.Core.Tests;

/// <summary>The distance behind every "did you mean" (CLI names and values, unknown manifest fields).</summary>
public sealed class EditDistanceTests
{
    [TestCase("kitten", "sitting", 3)]
    [TestCase("format", "fromat", 1)]
    [TestCase("JSON", "json", 0)]
    [TestCase("", "abc", 3)]
    [TestCase("ca", "abc", 3)]
    [Description("Optimal string alignment: kitten/sitting is the textbook 3; a swap of neighbours counts 1; ca→abc is 3 (no edits inside a swap).")]
    public void Distance_ByHand(string a, string b, int distance) =>
        Assert.That(EditDistance.Between(a, b), Is.EqualTo(distance));
}
