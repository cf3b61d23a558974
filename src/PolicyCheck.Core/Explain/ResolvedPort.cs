using PolicyCheck.Core.Model;

namespace PolicyCheck.Core.Explain;

/// <summary>A protocol and port number at the destination.</summary>
public readonly record struct ResolvedPort(Protocol Protocol, int Number)
{
    public override string ToString() => $"{Number.ToString(System.Globalization.CultureInfo.InvariantCulture)}/{Protocol.ToApiString()}";
}
