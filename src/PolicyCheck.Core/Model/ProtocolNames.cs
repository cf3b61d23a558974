namespace PolicyCheck.Core.Model;

/// <summary>The exact, case-sensitive spellings the Kubernetes API uses for <see cref="Protocol"/>.</summary>
public static class ProtocolNames
{
    public static ReadOnlySpan<Protocol> All => [Protocol.Tcp, Protocol.Udp, Protocol.Sctp];

    public static string ToApiString(this Protocol protocol) => protocol switch
    {
        Protocol.Tcp => "TCP",
        Protocol.Udp => "UDP",
        Protocol.Sctp => "SCTP",
        _ => throw new ArgumentOutOfRangeException(nameof(protocol), protocol, null),
    };

    /// <summary>Parses exactly <c>TCP</c>, <c>UDP</c> or <c>SCTP</c>; the API server rejects other spellings.</summary>
    public static bool TryParse(string? text, out Protocol protocol)
    {
        switch (text)
        {
            case "TCP": protocol = Protocol.Tcp; return true;
            case "UDP": protocol = Protocol.Udp; return true;
            case "SCTP": protocol = Protocol.Sctp; return true;
            default: protocol = default; return false;
        }
    }
}
