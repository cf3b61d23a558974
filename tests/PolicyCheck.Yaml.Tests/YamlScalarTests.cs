namespace PolicyCheck.Yaml.Tests;

/// <summary>Plain scalars resolve as kubectl's YAML-to-JSON step (go-yaml v2, YAML 1.1) reads them.</summary>
[Parallelizable(ParallelScope.Fixtures)]
public sealed class YamlScalarTests
{
    [TestCase("", "Null")]
    [TestCase("~", "Null")]
    [TestCase("null", "Null")]
    [TestCase("NULL", "Null")]
    [TestCase("true", "Bool")]
    [TestCase("False", "Bool")]
    [TestCase("yes", "Bool")]
    [TestCase("y", "Bool")]
    [TestCase("N", "Bool")]
    [TestCase("on", "Bool")]
    [TestCase("OFF", "Bool")]
    [TestCase("80", "Int")]
    [TestCase("-1", "Int")]
    [TestCase("+5", "Int")]
    [TestCase("0x1F", "Int")]
    [TestCase("017", "Int")]
    [TestCase("0o17", "Int")]
    [TestCase("0b101", "Int")]
    [TestCase("1_000", "Int")]
    [TestCase("08", "Float")]
    [TestCase("1.10", "Float")]
    [TestCase("1e3", "Float")]
    [TestCase(".5", "Float")]
    [TestCase("5.", "Float")]
    [TestCase("-.inf", "Float")]
    [TestCase(".NaN", "Float")]
    [TestCase("v1", "String")]
    [TestCase("yes-please", "String")]
    [TestCase("1.2.3", "String")]
    [TestCase("0x", "String")]
    [TestCase("10.0.0.0/8", "String")]
    [TestCase("2024-06-01", "String")]
    [TestCase("12:30", "String")]
    [TestCase("-", "String")]
    [TestCase(".", "String")]
    [TestCase("<<", "String")]
    public void Plain_Resolves(string text, string expected) =>
        Assert.That(Plain(text).Kind, Is.EqualTo(Enum.Parse<ScalarKind>(expected)));

    [Description("YAML 1.1 booleans as go-yaml v2 reads them: y/yes/true/on are true, n/no/false/off false, in three cases.")]
    [TestCase("true", true)]
    [TestCase("Yes", true)]
    [TestCase("Y", true)]
    [TestCase("ON", true)]
    [TestCase("FALSE", false)]
    [TestCase("no", false)]
    [TestCase("n", false)]
    [TestCase("Off", false)]
    public void Plain_Boolean_HasItsValue(string text, bool expected)
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Plain(text).TryGetBoolean(out var value), Is.True);
            Assert.That(value, Is.EqualTo(expected));
        }
    }

    [TestCase("yEs")]
    [TestCase("1")]
    [TestCase("")]
    public void Plain_NotABoolean_IsNoBoolean(string text) =>
        Assert.That(Plain(text).TryGetBoolean(out _), Is.False);

    [TestCase("yes")]
    [TestCase("80")]
    [TestCase("")]
    public void Quoted_IsAlwaysAString(string text) =>
        Assert.That(new YamlScalar(default, default, text, isPlain: false, tag: null).Kind, Is.EqualTo(ScalarKind.String));

    [TestCase("tag:yaml.org,2002:str", "80", "String")]
    [TestCase("tag:yaml.org,2002:int", "80", "Int")]
    [TestCase("tag:yaml.org,2002:null", "x", "Null")]
    [TestCase("!", "true", "String")]
    public void Tagged_FollowsTheTag(string tag, string text, string expected) =>
        Assert.That(new YamlScalar(default, default, text, isPlain: false, tag).Kind, Is.EqualTo(Enum.Parse<ScalarKind>(expected)));

    [TestCase("80", 80)]
    [TestCase("0x50", 80)]
    [TestCase("0120", 80)]
    [TestCase("0o120", 80)]
    [TestCase("0b1010000", 80)]
    [TestCase("8_0", 80)]
    [TestCase("80.0", 80)]
    [TestCase("8e1", 80)]
    [TestCase("-9223372036854775808", long.MinValue)]
    public void Integer_ReadsEveryForm(string text, long expected)
    {
        Assert.That(Plain(text).TryGetInteger(out var value), Is.True);
        Assert.That(value, Is.EqualTo(expected));
    }

    [TestCase("80.5")]
    [TestCase("9223372036854775808")]
    [TestCase("http")]
    [TestCase(".inf")]
    public void Integer_RefusesNonIntegers(string text) =>
        Assert.That(Plain(text).TryGetInteger(out _), Is.False);

    private static YamlScalar Plain(string text) => new(default, default, text, isPlain: true, tag: null);
}
