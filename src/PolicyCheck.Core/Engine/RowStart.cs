namespace PolicyCheck.Core.Engine;

/// <summary>
/// The pattern a source's row starts from before its overrides; the values index <see cref="CellTable.Bases"/>
/// and the matrix's row bases.
/// </summary>
internal enum RowStart
{
    /// <summary>Some stage decides the source's egress: nothing is allowed unless that stage allows it.</summary>
    DenyAll = 0,

    /// <summary>A pod whose egress nobody decides: it reaches every destination whose ingress nobody decides.</summary>
    OpenPod = 1,

    /// <summary>An outside address: like <see cref="OpenPod"/>, except other outside addresses (not the cluster's to allow).</summary>
    OpenExternal = 2,
}
