using System.Text;
using System.Text.Json;
using PolicyCheck.Core.Engine;
using PolicyCheck.Core.Explain;
using PolicyCheck.Core.Model;
using PolicyCheck.Reporting.Explain;
using PolicyCheck.Reporting.Formats;

namespace PolicyCheck.Reporting.Tests;

/// <summary>The network plugin model as JSON and text, and the explain sentences that name a plugin assumption.</summary>
public sealed class NetworkPluginTextTests
{
    private static string Json(EvaluationOptions? plugin)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            NetworkPluginText.WriteJson(json, plugin);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    [Test]
    [Description("docs/json-output.md: networkPlugin holds the profile, each switch in force, and nodeToLocalPods always allowed.")]
    public void WriteJson_OverriddenProfile_WritesValuesInForce()
    {
        var plugin = EvaluationOptions.For(NetworkPlugin.OvnKubernetes) with { EndPort = EndPortHandling.Ignore, HostNetworkPods = HostNetworkPodHandling.Select };

        Assert.That(Json(plugin), Is.EqualTo(
            "{\"networkPlugin\":{\"profile\":\"ovn-kubernetes\",\"hostNetworkPods\":\"select\",\"ipBlockPods\":\"match\"," +
            "\"endPort\":\"ignore\",\"sctp\":\"supported\",\"nodeToLocalPods\":\"allowed\"}}"));
    }

    [Test]
    public void WriteJson_Null_IsTheGenericModel() =>
        Assert.That(Json(null), Is.EqualTo(Json(EvaluationOptions.Default)));

    [Test]
    public void Line_GenericDefault_IsNull() =>
        Assert.That(NetworkPluginText.Line(EvaluationOptions.Default), Is.Null);

    [Test]
    public void Line_Cilium_NamesEverySwitch() =>
        Assert.That(NetworkPluginText.Line(EvaluationOptions.For(NetworkPlugin.Cilium)),
            Is.EqualTo("Network plugin: cilium (hostNetwork pods ignore, ipBlock pods ignore, endPort honor, SCTP unsupported)."));

    [Test]
    [Description("A profile equal to generic in every switch (calico) is still named: the user chose it.")]
    public void Line_Calico_IsNamed() =>
        Assert.That(NetworkPluginText.Line(EvaluationOptions.For(NetworkPlugin.Calico)), Does.StartWith("Network plugin: calico ("));

    [Test]
    public void Describe_PluginReasons_NameTheSettingWhenGiven()
    {
        var hints = new ExplainHints("--from", "--to", null) { EndPortIgnored = "--endport=ignore", SctpUnsupported = "--sctp=unsupported", HostNetworkPodsSelected = "--hostnetwork-pods=select" };
        var endPort = new Reason(ReasonKind.EndPortIgnored, SourceSpan.None, Expected: "TCP 32000", Actual: "32768");
        var sctp = new Reason(ReasonKind.SctpUnsupported, SourceSpan.None);
        var selected = new Reason(ReasonKind.HostNetworkPodSelected, SourceSpan.None, Actual: "kube-system/agent");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ReasonText.Describe(endPort, hints), Is.EqualTo("TCP 32000 alone: the network plugin is assumed to ignore endPort 32768 (--endport=ignore)."));
            Assert.That(ReasonText.Describe(endPort), Is.EqualTo("TCP 32000 alone: the network plugin is assumed to ignore endPort 32768."));
            Assert.That(ReasonText.Describe(sctp, hints), Is.EqualTo("nothing: the network plugin is assumed not to support SCTP in policies (--sctp=unsupported)."));
            Assert.That(ReasonText.Describe(selected, hints), Does.Contain("'kube-system/agent' uses hostNetwork").And.EndWith("(--hostnetwork-pods=select)."));
            Assert.That(ReasonText.Describe(new Reason(ReasonKind.HostNetworkPod, SourceSpan.None)), Does.EndWith("so this side allows everything."));
        }
    }
}
