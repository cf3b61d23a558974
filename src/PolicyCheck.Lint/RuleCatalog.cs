using System.Collections.Immutable;

namespace PolicyCheck.Lint;

/// <summary>Every shipped rule, one line each, in ID order. Production code finds rules here, never by reflection.</summary>
public static class RuleCatalog
{
    public static ImmutableArray<LintRule> All { get; } =
    [
        new Rules.PolicySelectsNothing(),
        new Rules.PeerSelectsNothing(),
        new Rules.PeerSelectorsSplit(),
        new Rules.RulesIgnoredByPolicyTypes(),
        new Rules.NamedPortUndefined(),
        new Rules.UnstableSelectorKey(),
        new Rules.ProtocolOmittedOnUdpPort(),
        new Rules.DuplicatePortName(),
        new Rules.RedundantRule(),
        new Rules.RedundantPolicy(),
        new Rules.AllowAllMakesOthersMoot(),
        new Rules.NamespaceLabelNotCarried(),
        new Rules.DnsPeerWithoutNamespaceSelector(),
        new Rules.EgressIntentWithoutPolicyType(),
        new Rules.NonCanonicalCidr(),
        new Rules.EndPortNeedsPluginSupport(),
        new Rules.SctpNeedsPluginSupport(),
        new Rules.IngressNotIsolated(),
        new Rules.EgressNotIsolated(),
        new Rules.EgressDnsBlocked(),
        new Rules.EgressToAnywhereWithoutMetadataExcept(),
        new Rules.DnsUdpWithoutTcp(),
        new Rules.AllowFromAnywhereOnExposedWorkload(),
        new Rules.EgressPortsOnlyRule(),
        new Rules.IpBlockCoversPods(),
        new Rules.IpBlockCoversServiceIp(),
        new Rules.NamespaceWithoutDefaultDeny(),
        new Rules.HostNetworkPodSelected(),
        new Rules.HostNetworkPeer(),
        new Rules.WideIpBlock(),
        new Rules.IngressAllowedFromAllNamespaces(),
        new Rules.SctpUnsupportedByPlugin(),
        new Rules.EndPortIgnoredByPlugin(),
        new Rules.ServiceSelectsNothing(),
        new Rules.ServiceTargetPortUndefined(),
        new Rules.NodePortOutOfRange(),
        new Rules.NodePortDuplicated(),
        new Rules.ExternalNameWithSelectorOrPorts(),
        new Rules.PolicyAllowsServicePort(),
        new Rules.IpBlockOnlyIngressBehindSnat(),
        new Rules.ServiceBackendsUnreachable(),
        new Rules.ExternalNameEgressBlocked(),
    ];
}
