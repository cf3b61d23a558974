using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using PolicyCheck.Core.Model;

namespace PolicyCheck.Core.Engine;

/// <summary>
/// One port asked about across the matrix, turning each cell into yes or no: a number with a protocol
/// (<c>80/TCP</c>, <c>53/UDP</c>, <c>9000/SCTP</c>; a bare <c>80</c> means TCP) or the name of a container port
/// (<c>http</c>), which each destination resolves to its own protocol and number.
/// </summary>
/// <param name="Protocol">The protocol of a numbered query (<c>null</c> reads as TCP); <c>null</c> for a named one.</param>
/// <param name="Number">The port number, 1 to 65535; <c>null</c> for a named query.</param>
/// <param name="Name">The container port name; <c>null</c> for a numbered query.</param>
public sealed record PortQuery(Protocol? Protocol, int? Number, string? Name)
{
    private const string ExpectedForms =
        "use a port number (80, meaning TCP), a number and protocol (80/TCP, 53/UDP, 9000/SCTP) or a container port name (http).";

    private const int MaxNameLength = 15;

    /// <summary>A numbered query.</summary>
    public static PortQuery Of(int number, Protocol protocol = Model.Protocol.Tcp)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(number, PortRange.MinPort);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(number, PortRange.MaxPort);
        return new PortQuery(protocol, number, null);
    }

    /// <summary>A query for the container port of that name on each destination.</summary>
    public static PortQuery Named(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        return new PortQuery(null, null, name);
    }

    /// <summary>
    /// Parses <c>80</c>, <c>80/TCP</c>, <c>53/UDP</c>, <c>9000/SCTP</c> (the protocol in any case) or a container
    /// port name as Kubernetes allows it (an IANA service name: at most 15 lowercase letters, digits and single
    /// inner hyphens, with at least one letter). Surrounding whitespace is ignored.
    /// </summary>
    /// <param name="error">On failure, a sentence saying what is wrong and naming the accepted forms.</param>
    public static bool TryParse(string? text, [NotNullWhen(true)] out PortQuery? query, [NotNullWhen(false)] out string? error)
    {
        query = null;
        error = null;
        var trimmed = (text ?? string.Empty).Trim();
        if (trimmed.Length == 0)
        {
            error = "A port is required; " + ExpectedForms;
            return false;
        }

        var slash = trimmed.IndexOf('/', StringComparison.Ordinal);
        if (slash >= 0)
        {
            var numberText = trimmed[..slash];
            var protocolText = trimmed[(slash + 1)..];
            if (!LooksNumeric(numberText))
            {
                error = $"Port '{trimmed}' is not valid: only a port number can carry a protocol; {ExpectedForms}";
                return false;
            }

            if (!TryParseNumber(numberText, out var number))
            {
                error = $"Port number '{numberText}' in '{trimmed}' is out of range; use 1 to 65535, e.g. 80/TCP.";
                return false;
            }

            if (!ProtocolNames.TryParse(protocolText.ToUpperInvariant(), out var protocol))
            {
                error = $"Protocol '{protocolText}' in '{trimmed}' is not valid; use TCP, UDP or SCTP, e.g. 53/UDP.";
                return false;
            }

            query = new PortQuery(protocol, number, null);
            return true;
        }

        if (LooksNumeric(trimmed))
        {
            if (!TryParseNumber(trimmed, out var number))
            {
                error = $"Port number '{trimmed}' is out of range; use 1 to 65535, e.g. 80 or 80/TCP.";
                return false;
            }

            query = new PortQuery(Model.Protocol.Tcp, number, null);
            return true;
        }

        if (!IsServiceName(trimmed))
        {
            error = $"Port name '{trimmed}' is not a valid container port name (at most 15 lowercase letters, digits " +
                    $"and single inner hyphens, with at least one letter); {ExpectedForms}";
            return false;
        }

        query = new PortQuery(null, null, trimmed);
        return true;
    }

    /// <summary>
    /// The protocol and number this query means at <paramref name="destination"/>: the number itself, or for a
    /// name the first container port of the destination's pod template declared with that name. External
    /// destinations have no named ports.
    /// </summary>
    public bool TryResolve(Subject destination, out Protocol protocol, out int number)
    {
        ArgumentNullException.ThrowIfNull(destination);
        EnsureWellFormed();
        if (Name is null)
        {
            protocol = Protocol ?? Model.Protocol.Tcp;
            number = Number!.Value; // EnsureWellFormed: a query without a name has a number
            return true;
        }

        if (destination.Workload is { } workload)
        {
            foreach (var port in workload.Ports)
            {
                if (string.Equals(port.Name, Name, StringComparison.Ordinal))
                {
                    protocol = port.Protocol;
                    number = port.Number;
                    return true;
                }
            }
        }

        protocol = default;
        number = 0;
        return false;
    }

    /// <summary>
    /// Whether the policies allow this port from subject <paramref name="from"/> to subject <paramref name="to"/>.
    /// A named query is false where the destination has no container port of that name (always so for an
    /// external destination).
    /// </summary>
    public bool IsAllowed(ReachabilityMatrix matrix, int from, int to)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        return TryResolve(matrix.Subjects[to], out var protocol, out var number) &&
               matrix.Allowed(from, to).Contains(protocol, number);
    }

    /// <summary>
    /// For a workload with several pods, whether one of its pods may reach this port on another
    /// (<see cref="ReachabilityMatrix.BetweenReplicas"/>); <c>null</c> for a single pod or an external subject.
    /// </summary>
    public bool? IsAllowedBetweenReplicas(ReachabilityMatrix matrix, int subject)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        if (matrix.BetweenReplicas(subject) is not { } between)
            return null;
        return TryResolve(matrix.Subjects[subject], out var protocol, out var number) && between.Contains(protocol, number);
    }

    /// <summary><c>80/TCP</c> for a numbered query, the name for a named one.</summary>
    public override string ToString() => Name ??
        string.Create(CultureInfo.InvariantCulture, $"{Number}/{(Protocol ?? Model.Protocol.Tcp).ToApiString()}");

    private void EnsureWellFormed()
    {
        if ((Name is null) == (Number is null))
            throw new InvalidOperationException("A port query needs either a number or a name, not both and not neither.");
    }

    /// <summary>Digits with an optional sign: meant as a number, even if it turns out out of range.</summary>
    private static bool LooksNumeric(string text)
    {
        var digits = text.AsSpan().TrimStart("+-");
        return digits.Length > 0 && digits.Length >= text.Length - 1 && !digits.ContainsAnyExceptInRange('0', '9');
    }

    private static bool TryParseNumber(string text, out int number)
    {
        number = 0;
        var digits = text.AsSpan().TrimStart('0');
        if (text[0] is '+' or '-' || digits.Length > 5)
            return false;
        number = digits.IsEmpty ? 0 : int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);
        return number is >= PortRange.MinPort and <= PortRange.MaxPort;
    }

    /// <summary>Kubernetes' IANA_SVC_NAME, which container port names must be.</summary>
    private static bool IsServiceName(string text)
    {
        if (text.Length > MaxNameLength || text[0] == '-' || text[^1] == '-' || text.Contains("--", StringComparison.Ordinal))
            return false;
        var hasLetter = false;
        foreach (var c in text)
        {
            if (c is >= 'a' and <= 'z')
                hasLetter = true;
            else if (c is not (>= '0' and <= '9') and not '-')
                return false;
        }

        return hasLetter;
    }
}
