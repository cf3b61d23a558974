using PolicyCheck.Manifests.Syntax;

namespace PolicyCheck.Manifests.Tests;

/// <summary>k8s API: label keys and values (IsQualifiedName, IsValidLabelValue) and port names (IsValidPortName).</summary>
[Parallelizable(ParallelScope.Fixtures)]
public sealed class SyntaxTests
{
    [TestCase("app")]
    [TestCase("App.Name_2-x")]
    [TestCase("a")]
    [TestCase("kubernetes.io/metadata.name")]
    [TestCase("app.kubernetes.io/part-of")]
    [TestCase("example-1.com/X")]
    public void LabelKey_Valid(string key) => Assert.That(LabelSyntax.CheckKey(key), Is.Null);

    [TestCase("")]
    [TestCase("-app")]
    [TestCase("app_")]
    [TestCase("a b")]
    [TestCase("a@b")]
    [TestCase("/app")]
    [TestCase("example.com/")]
    [TestCase("a/b/c")]
    [TestCase("Example.com/app")]
    [TestCase("example..com/app")]
    [TestCase("-example.com/app")]
    [TestCase("example_com/app")]
    public void LabelKey_Invalid(string key) => Assert.That(LabelSyntax.CheckKey(key), Is.Not.Null);

    [Test]
    public void LabelKey_Lengths_AreLimited()
    {
        var label63 = new string('a', 63);
        var prefix253 = string.Join('.', Enumerable.Repeat(label63, 4)).Substring(0, 253);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(LabelSyntax.CheckKey(label63), Is.Null);
            Assert.That(LabelSyntax.CheckKey(label63 + "a"), Is.Not.Null);
            Assert.That(LabelSyntax.CheckKey(prefix253 + "/x"), Is.Null);
            Assert.That(LabelSyntax.CheckKey(prefix253 + "a/x"), Is.Not.Null);
        }
    }

    [TestCase("")]
    [TestCase("v1")]
    [TestCase("1.2.3")]
    [TestCase("A_b-c.d")]
    public void LabelValue_Valid(string value) => Assert.That(LabelSyntax.CheckValue(value), Is.Null);

    [TestCase("-x")]
    [TestCase("x.")]
    [TestCase("a b")]
    [TestCase("a/b")]
    public void LabelValue_Invalid(string value) => Assert.That(LabelSyntax.CheckValue(value), Is.Not.Null);

    [Test]
    public void LabelValue_Length_IsLimitedTo63() =>
        Assert.That((LabelSyntax.CheckValue(new string('v', 63)), LabelSyntax.CheckValue(new string('v', 64))), Is.EqualTo(((string?)null, "it has 64 characters, more than 63")));

    [TestCase("http")]
    [TestCase("h")]
    [TestCase("http-8080")]
    [TestCase("8080-http")]
    [TestCase("abcdefghijklmno")]
    public void PortName_Valid(string name) => Assert.That(PortNameSyntax.CheckServiceName(name), Is.Null);

    [TestCase("")]
    [TestCase("HTTP")]
    [TestCase("8080")]
    [TestCase("-http")]
    [TestCase("http-")]
    [TestCase("ht--tp")]
    [TestCase("ht_tp")]
    [TestCase("abcdefghijklmnop")]
    public void PortName_Invalid(string name) => Assert.That(PortNameSyntax.CheckServiceName(name), Is.Not.Null);

    [TestCase("web", true)]
    [TestCase("8080", true)]
    [TestCase("a-very-long-service-port-name-that-is-still-fine", true)]
    [TestCase("web_1", false)]
    [TestCase("Web", false)]
    [TestCase("-web", false)]
    public void ServicePortName_IsADnsLabel(string name, bool valid) =>
        Assert.That(PortNameSyntax.CheckServicePortName(name) is null, Is.EqualTo(valid));
}
