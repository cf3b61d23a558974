using PolicyCheck.Core.Model;

namespace PolicyCheck.Core.Services;

/// <summary>One environment variable the kubelet sets in a pod for a service, and the service it describes.</summary>
public sealed record ServiceVariable(string Name, string Value, Service Service);
