namespace PolicyCheck.Core.Model;

/// <summary>The protocols NetworkPolicy ports and container ports can name.</summary>
public enum Protocol
{
    Tcp,
    Udp,
    Sctp,
}
