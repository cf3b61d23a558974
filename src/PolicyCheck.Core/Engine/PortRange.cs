using System.Globalization;

namespace PolicyCheck.Core.Engine;

/// <summary>An inclusive range of port numbers, 1 ≤ First ≤ Last ≤ 65535.</summary>
public readonly record struct PortRange(int First, int Last)
{
    public const int MinPort = 1;
    public const int MaxPort = 65535;

    public static PortRange Full { get; } = new(MinPort, MaxPort);

    public bool Contains(int port) => port >= First && port <= Last;

    public override string ToString() => First == Last
        ? First.ToString(CultureInfo.InvariantCulture)
        : string.Create(CultureInfo.InvariantCulture, $"{First}-{Last}");
}
