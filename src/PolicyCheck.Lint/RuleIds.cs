namespace PolicyCheck.Lint;

/// <summary>
/// Every lint rule ID, by band: 1xxx policy correctness, 2xxx security, 3xxx services, 9xxx tool (PC0xxx belong to
/// the loader). An ID is never reused: a retired one stays here as a comment.
/// </summary>
public static class RuleIds
{
    public const string PolicySelectsNothing = "PC1001";
    public const string PeerSelectsNothing = "PC1002";
    public const string PeerSelectorsSplit = "PC1003";
    public const string RulesIgnoredByPolicyTypes = "PC1004";
    public const string NamedPortUndefined = "PC1005";
    public const string UnstableSelectorKey = "PC1006";
    public const string ProtocolOmittedOnUdpPort = "PC1007";
    public const string DuplicatePortName = "PC1008";
    public const string RedundantRule = "PC1009";
    public const string RedundantPolicy = "PC1010";
    public const string AllowAllMakesOthersMoot = "PC1011";
    public const string NamespaceLabelNotCarried = "PC1012";
    public const string DnsPeerWithoutNamespaceSelector = "PC1013";
    public const string EgressIntentWithoutPolicyType = "PC1014";
    public const string NonCanonicalCidr = "PC1015";
    public const string EndPortNeedsPluginSupport = "PC1016";
    public const string SctpNeedsPluginSupport = "PC1017";
    public const string IngressNotIsolated = "PC2001";
    public const string EgressNotIsolated = "PC2002";
    public const string EgressDnsBlocked = "PC2003";
    public const string EgressToAnywhereWithoutMetadataExcept = "PC2004";
    public const string DnsUdpWithoutTcp = "PC2005";
    public const string AllowFromAnywhereOnExposedWorkload = "PC2006";
    public const string EgressPortsOnlyRule = "PC2007";
    public const string IpBlockCoversPods = "PC2008";
    public const string IpBlockCoversServiceIp = "PC2009";
    public const string NamespaceWithoutDefaultDeny = "PC2010";
    public const string HostNetworkPodSelected = "PC2011";
    public const string HostNetworkPeer = "PC2012";
    public const string WideIpBlock = "PC2013";
    public const string IngressAllowedFromAllNamespaces = "PC2014";
    public const string SctpUnsupportedByPlugin = "PC2015";
    public const string EndPortIgnoredByPlugin = "PC2016";
    public const string ServiceSelectsNothing = "PC3001";
    public const string ServiceTargetPortUndefined = "PC3002";
    public const string NodePortOutOfRange = "PC3003";
    public const string NodePortDuplicated = "PC3004";
    public const string ExternalNameWithSelectorOrPorts = "PC3005";
    public const string PolicyAllowsServicePort = "PC3006";
    public const string IpBlockOnlyIngressBehindSnat = "PC3007";
    public const string ServiceBackendsUnreachable = "PC3008";
    public const string ExternalNameEgressBlocked = "PC3009";

    // 9xxx: the tool itself (not rules of the catalogue, so they are not in RuleCatalog.All).
    public const string UnknownRuleInSuppression = "PC9001";
}
