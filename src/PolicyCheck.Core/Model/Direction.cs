namespace PolicyCheck.Core.Model;

/// <summary>A traffic direction as seen from a selected pod; also the values of <c>spec.policyTypes</c>.</summary>
public enum Direction
{
    Ingress,
    Egress,
}
