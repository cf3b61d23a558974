using System.Globalization;
using PolicyCheck.Core.Model;

namespace PolicyCheck.Core.Services;

/// <summary>
/// How a user names a service on the command line (for <c>explain --to-service</c>): <c>NS/NAME</c> or any DNS name
/// of it (see <see cref="ServiceDns.Find"/>), optionally followed by <c>:PORT</c>, a service port number or name.
/// </summary>
public static class ServiceLookup
{
    /// <summary>
    /// Finds the service and the port the text names; <paramref name="port"/> is null when no port was written (or
    /// an SRV name named it: then <see cref="ServiceDnsMatch.Port"/> has it). <paramref name="error"/> says what was
    /// expected when it fails.
    /// </summary>
    public static bool TryFind(Cluster cluster, string text, string clientNamespace, out ServiceDnsMatch? match, out PortValue? port, out string? error)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(clientNamespace);
        match = null;
        port = null;
        error = null;
        var name = text.Trim();
        var colon = name.LastIndexOf(':');
        if (colon >= 0)
        {
            var portText = name[(colon + 1)..];
            name = name[..colon];
            if (portText.Length == 0)
                return Fail($"'{text}' ends with ':' but names no port; write NS/NAME:PORT with a number or a port name.", out error);
            port = int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? PortValue.Of(number) : PortValue.Of(portText);
        }

        var slash = name.IndexOf('/', StringComparison.Ordinal);
        if (slash >= 0)
        {
            var (ns, svc) = (name[..slash], name[(slash + 1)..]);
            var service = cluster.Services.FirstOrDefault(s => s.Namespace == ns && s.Name == svc);
            match = service is null ? null : new ServiceDnsMatch(service, null, null);
        }
        else
        {
            match = ServiceDns.Find(cluster, name, clientNamespace);
        }

        if (match is null)
            return Fail($"No service '{name}' in the inputs; use NS/NAME or a DNS name such as my-svc.my-namespace.svc.cluster.local.", out error);
        if (port is { } wanted && !match.Service.Ports.Any(p => wanted.IsNamed ? p.Name == wanted.Name : p.Port == wanted.Number))
        {
            var ports = string.Join(", ", match.Service.Ports.Select(p => p.Name is null ? p.Port.ToString(CultureInfo.InvariantCulture) : $"{ServicePort.QuoteName(p.Name)} ({p.Port.ToString(CultureInfo.InvariantCulture)})"));
            return Fail($"Service '{match.Service.Namespace}/{match.Service.Name}' has no port '{wanted}'; its ports are: {(ports.Length == 0 ? "none" : ports)}.", out error);
        }

        return true;
    }

    private static bool Fail(string message, out string? error)
    {
        error = message;
        return false;
    }
}
