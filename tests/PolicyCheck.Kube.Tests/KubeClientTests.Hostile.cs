using PolicyCheck.TestKit;

namespace PolicyCheck.Kube.Tests;

public sealed partial class KubeClientTests
{
    [Description("Issue #12: a file given as kubeconfig that is no mapping (a credentials file) is described, never quoted.")]
    [TestCase("aws_secret_access_key = AKIAEXAMPLE\n", "a string of 35 characters")]
    [TestCase("- ghp_0123456789abcdef\n", "a list")]
    public void Create_KubeconfigNotAMapping_QuotesNothingOfIt(string text, string shape)
    {
        using var folder = new TempFolder();
        var path = folder.Write("credentials", text);

        var ex = Assert.Throws<KubeConfigException>(() => KubeClient.Create(new KubeConnectionOptions(path)));

        Assert.That(ex.Message, Is.EqualTo($"{path}:1:1: a kubeconfig must be a mapping, not {shape}."));
    }
}
