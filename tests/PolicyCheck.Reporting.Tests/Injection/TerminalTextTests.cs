using PolicyCheck.Reporting.Formats;

namespace PolicyCheck.Reporting.Tests.Injection;

/// <summary>
/// The terminal sanitizer on its own. Expected values are the escapes spelled out by hand: ECMA-48 names ESC
/// (U+001B) as the start of CSI (<c>ESC [</c>) and OSC (<c>ESC ]</c>, ended by BEL U+0007), C1 controls U+0080–U+009F
/// (U+009B is an 8-bit CSI), and Unicode UAX #9 the embeddings/overrides U+202A–U+202E and isolates U+2066–U+2069.
/// </summary>
[Parallelizable(ParallelScope.Fixtures)]
public sealed class TerminalTextTests
{
    [TestCase("shop/web[Deployment]")]
    [TestCase(@"C:\k8s\web.yaml:3:1: warning")]
    [TestCase("port 80/TCP → 8080 · ✓ … –")]
    [TestCase("")]
    public void Clean_OrdinaryText_IsUnchanged(string text) =>
        Assert.That(TerminalText.Clean(text), Is.SameAs(text));

    [TestCase("a\u001b[31mred", @"a\u001b[31mred", Description = "CSI (colour)")]
    [TestCase("\u001b]8;;https://evil.example\u0007x\u001b]8;;\u0007", @"\u001b]8;;https://evil.example\u0007x\u001b]8;;\u0007", Description = "OSC 8 hyperlink")]
    [TestCase("\u001b]0;pwned\u0007", @"\u001b]0;pwned\u0007", Description = "OSC 0 window title")]
    [TestCase("x\u009b2Jy", @"x\u009b2Jy", Description = "C1 CSI")]
    [TestCase("x\u0085y\u0080z\u009f", @"x\u0085y\u0080z\u009f", Description = "C1 range ends")]
    [TestCase("del\u007f", @"del\u007f", Description = "DEL")]
    [TestCase("ok\rFAKE", @"ok\u000dFAKE", Description = "carriage return overwrites the line")]
    [TestCase("a\nb\tc\0d\be", @"a\u000ab\u0009c\u0000d\u0008e", Description = "line break, tab, NUL, backspace")]
    [TestCase("evil\u202eexe.yaml", @"evil\u202eexe.yaml", Description = "right-to-left override")]
    [TestCase("\u202a\u202b\u202c\u202d", @"\u202a\u202b\u202c\u202d", Description = "embeddings and pop")]
    [TestCase("\u2066x\u2067y\u2068z\u2069", @"\u2066x\u2067y\u2068z\u2069", Description = "isolates")]
    public void Clean_UnsafeCharacters_BecomeVisibleEscapes(string text, string expected) =>
        Assert.That(TerminalText.Clean(text), Is.EqualTo(expected));

    [TestCase('\u00a0')]
    [TestCase('\u2065')]
    [TestCase('\u2070')]
    [TestCase('\u202f')]
    public void Clean_NeighboursOfTheUnsafeRanges_AreKept(char c) =>
        Assert.That(TerminalText.Clean($"a{c}b"), Is.EqualTo($"a{c}b"));

    [Test]
    public void Clean_ItsOwnOutput_IsUnchanged()
    {
        var once = TerminalText.Clean("\u001b[2J\u202e");

        Assert.That(TerminalText.Clean(once), Is.EqualTo(once));
    }
}
