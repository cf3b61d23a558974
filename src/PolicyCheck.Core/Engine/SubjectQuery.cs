using System.Collections.Immutable;
using System.Net;
using PolicyCheck.Core.Model;
using PolicyCheck.Core.Selectors;

namespace PolicyCheck.Core.Engine;

/// <summary>
/// How a user names an end of a flow on the command line: <c>NS/NAME</c> (a workload, or a pod of one, by name),
/// a selector <c>'ns=shop,app=web'</c> (<c>ns</c> is the namespace, the rest label terms in kubectl syntax), or an
/// outside address or CIDR (<c>203.0.113.7</c>, <c>10.0.0.0/8</c>).
/// </summary>
public sealed record SubjectQuery(string Text, string? Namespace, string? Name, LabelSelector? Selector, IpCidr? Address)
{
    public bool IsExternal => Address is not null;

    /// <summary>Parses a query; <paramref name="error"/> says what was expected when it fails.</summary>
    public static bool TryParse(string text, out SubjectQuery? query, out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        query = null;
        error = null;
        var trimmed = text.Trim();
        if (trimmed.Length == 0)
            return Fail("An empty subject names nothing; use NS/NAME, 'ns=NS,label=value' or an IP address or CIDR.", out error);

        if (IPAddress.TryParse(trimmed, out var address) && !trimmed.Contains('/', StringComparison.Ordinal))
        {
            var bits = address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128;
            if (IpCidr.TryParse($"{trimmed}/{bits}", out var host))
            {
                query = new SubjectQuery(text, null, null, null, host);
                return true;
            }
        }

        if (IpCidr.TryParse(trimmed, out var cidr))
        {
            query = new SubjectQuery(text, null, null, null, cidr);
            return true;
        }

        if (trimmed.Contains('=', StringComparison.Ordinal) || trimmed.Contains(' ', StringComparison.Ordinal) || trimmed.StartsWith('!'))
        {
            string? ns = null;
            var terms = new List<string>();
            foreach (var term in SplitTerms(trimmed))
            {
                var t = term.Trim();
                if (t.StartsWith("ns=", StringComparison.Ordinal) || t.StartsWith("namespace=", StringComparison.Ordinal))
                    ns = t[(t.IndexOf('=', StringComparison.Ordinal) + 1)..];
                else
                    terms.Add(t);
            }

            if (!SelectorParser.TryParse(string.Join(',', terms), out var selector, out var selectorError))
                return Fail($"'{text}' is not a valid selector: {selectorError}", out error);
            query = new SubjectQuery(text, ns, null, selector, null);
            return true;
        }

        var slash = trimmed.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || slash == trimmed.Length - 1 || trimmed.IndexOf('/', slash + 1) >= 0)
            return Fail($"'{text}' is not a subject; use NS/NAME (e.g. shop/frontend), 'ns=shop,app=web' or an IP address or CIDR.", out error);
        query = new SubjectQuery(text, trimmed[..slash], trimmed[(slash + 1)..], null, null);
        return true;
    }

    /// <summary>
    /// The subjects this query names, in subject order. NS/NAME matches a workload of that name or the workload a
    /// pod of that name belongs to; an address matches the external subject whose ranges contain it (a CIDR:
    /// every external subject overlapping it) and any workload with a known pod IP inside it.
    /// </summary>
    public ImmutableArray<int> Resolve(ReachabilityMatrix matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        var result = ImmutableArray.CreateBuilder<int>();
        for (var i = 0; i < matrix.Subjects.Length; i++)
        {
            if (Matches(matrix.Subjects[i]))
                result.Add(i);
        }

        return result.ToImmutable();
    }

    public bool Matches(Subject subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        if (Address is { } cidr)
        {
            if (subject.Workload is { } w)
                return w.PodIps.Any(cidr.Contains);
            return subject.Ranges.Any(r => Overlaps(cidr, r));
        }

        if (subject.Workload is not { } workload)
            return false;
        if (Namespace is not null && workload.Namespace != Namespace)
            return false;
        if (Selector is not null)
            return Selector.Matches(workload.Labels);
        return workload.Name == Name || workload.PodNames.Contains(Name!, StringComparer.Ordinal) ||
               subject.Id == $"{Namespace}/{Name}";
    }

    public override string ToString() => Text;

    private static bool Overlaps(IpCidr cidr, IpRange range) => IpInterval.FromCidr(cidr).Overlaps(IpInterval.FromRange(range));

    private static IEnumerable<string> SplitTerms(string text)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '(')
                depth++;
            else if (text[i] == ')')
                depth--;
            else if (text[i] == ',' && depth == 0)
            {
                yield return text[start..i];
                start = i + 1;
            }
        }

        yield return text[start..];
    }

    private static bool Fail(string message, out string? error)
    {
        error = message;
        return false;
    }
}
