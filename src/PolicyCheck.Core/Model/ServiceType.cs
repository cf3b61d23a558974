namespace PolicyCheck.Core.Model;

public enum ServiceType
{
    ClusterIP,
    NodePort,
    LoadBalancer,
    ExternalName,
}
