namespace PolicyCheck.Core.Engine;

/// <summary>
/// Whether the network plugin supports a port entry's <c>endPort</c>. "If your network plugin does not support the
/// endPort field and you specify a NetworkPolicy with that, the policy will be applied only for the single port field."
/// </summary>
public enum EndPortHandling
{
    /// <summary><c>port</c>..<c>endPort</c> is the range the entry allows.</summary>
    Honor,

    /// <summary>The entry allows its <c>port</c> alone.</summary>
    Ignore,
}
