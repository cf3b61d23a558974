using System.Globalization;

namespace PolicyCheck.Core.Model;

/// <summary>A Service port; <paramref name="TargetPort"/> is <c>null</c> when not written (it then equals <paramref name="Port"/>).</summary>
/// <param name="TargetPortSpan">Where <c>targetPort</c> is written, key to value; null when absent.</param>
/// <param name="NodePortSpan">Where <c>nodePort</c> is written, key to value; null when absent.</param>
/// <param name="PortSpan">Where <c>port</c> is written, key to value; null when absent or not known.</param>
public sealed record ServicePort(
    string? Name,
    Protocol Protocol,
    int Port,
    PortValue? TargetPort,
    int? NodePort,
    SourceSpan Span,
    SourceSpan? TargetPortSpan = null,
    SourceSpan? NodePortSpan = null,
    SourceSpan? PortSpan = null)
{
    public PortValue EffectiveTargetPort => TargetPort ?? PortValue.Of(Port);

    /// <summary>
    /// The port for people, as every writer and message prints it: <c>80/TCP</c>, or <c>http 80/TCP</c> with the name
    /// as <see cref="QuoteName"/> writes it (<c>'8001-8000' 8001/TCP</c>).
    /// </summary>
    public string Label => (Name is { } name ? QuoteName(name) + " " : string.Empty) +
                           Port.ToString(CultureInfo.InvariantCulture) + "/" + Protocol.ToApiString();

    /// <summary>
    /// A port name as written, or in single quotes (<c>'8001-8000'</c>) when it is not shaped like an IANA service
    /// name (lower-case letters, digits and inner hyphens, with at least one letter): such a name could be read as a
    /// port number or range next to the real number (<c>port 8001-8000 8001/TCP</c>), or run into the text around it.
    /// The one place that decides how a port name is printed next to numbers.
    /// </summary>
    public static string QuoteName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var plain = name.Length > 0 && name[0] != '-' && name[^1] != '-' && name.Any(char.IsAsciiLetterLower) &&
                    name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');
        return plain ? name : $"'{name}'";
    }
}
