namespace PolicyCheck.Reporting.Explain;

/// <summary>
/// How the host lets a user reach what an explanation points back at: the names of the two ends the user gave, and
/// the setting in force when ipBlocks are not applied to pods. Writers state the facts and the host words the way
/// to them (the CLI passes its flags), so no writer spells a command-line flag.
/// </summary>
/// <param name="From">Names the source end in <c>… 'QUERY' matches N subjects: …</c>.</param>
/// <param name="To">Names the destination end there.</param>
/// <param name="IpBlockPodsIgnored">
/// The setting that turned ipBlock matching of pods off, added in parentheses to that reason; <c>null</c> leaves it out.
/// </param>
public sealed record ExplainHints(string From, string To, string? IpBlockPodsIgnored)
{
    /// <summary>The setting under which hostNetwork pods are not governed nor selectable; <c>null</c> leaves it out.</summary>
    public string? HostNetworkPodsIgnored { get; init; }

    /// <summary>The setting under which hostNetwork pods are selected and isolated like any pod.</summary>
    public string? HostNetworkPodsSelected { get; init; }

    /// <summary>The setting under which a port entry applies to its port alone.</summary>
    public string? EndPortIgnored { get; init; }

    /// <summary>The setting under which SCTP entries allow nothing.</summary>
    public string? SctpUnsupported { get; init; }

    /// <summary>Plain words for a host without flags: <c>from</c>, <c>to</c>, and no setting named.</summary>
    public static ExplainHints Plain { get; } = new("from", "to", null);
}
