namespace PolicyCheck.Manifests.Syntax;

/// <summary>
/// The API server's syntax for label keys and values (<c>IsQualifiedName</c>, <c>IsValidLabelValue</c>), checked
/// with plain loops. Each check returns null when valid, else the reason, phrased to follow "is not valid: ".
/// </summary>
internal static class LabelSyntax
{
    public const int MaxNameLength = 63;
    public const int MaxPrefixLength = 253;

    private const string NameCharacters = "start and end with a letter or digit and hold only letters, digits, '-', '_' and '.'";

    /// <summary>An optional DNS-subdomain prefix and '/', then a name of at most 63 characters.</summary>
    public static string? CheckKey(string key)
    {
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        var name = slash < 0 ? key.AsSpan() : key.AsSpan(slash + 1);
        if (slash >= 0)
        {
            var prefix = key.AsSpan(0, slash);
            if (prefix.IsEmpty)
                return "the prefix before '/' is empty";
            if (!IsDnsSubdomain(prefix))
                return $"the prefix must be a DNS subdomain of lowercase letters, digits, '-' and '.', at most {MaxPrefixLength} characters";
            if (name.Contains('/'))
                return "a key holds at most one '/'";
        }

        if (name.IsEmpty)
            return "the name part is empty";
        if (name.Length > MaxNameLength)
            return $"the name part has {name.Length} characters, more than {MaxNameLength}";
        return IsName(name) ? null : "the name part must " + NameCharacters;
    }

    /// <summary>Empty, or at most 63 characters with the same character rules as a key's name part.</summary>
    public static string? CheckValue(string value)
    {
        if (value.Length == 0)
            return null;
        if (value.Length > MaxNameLength)
            return $"it has {value.Length} characters, more than {MaxNameLength}";
        return IsName(value) ? null : "a value must be empty or " + NameCharacters;
    }

    /// <summary><c>[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?</c></summary>
    private static bool IsName(ReadOnlySpan<char> name)
    {
        if (!char.IsAsciiLetterOrDigit(name[0]) || !char.IsAsciiLetterOrDigit(name[^1]))
            return false;
        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('-' or '_' or '.'))
                return false;
        }

        return true;
    }

    /// <summary>RFC 1123 subdomain: dot-separated labels of lowercase letters, digits and '-', each starting and ending alphanumeric.</summary>
    internal static bool IsDnsSubdomain(ReadOnlySpan<char> text)
    {
        if (text.Length > MaxPrefixLength)
            return false;
        foreach (var range in text.Split('.'))
        {
            if (!IsDnsLabel(text[range], int.MaxValue))
                return false;
        }

        return true;
    }

    /// <summary>RFC 1123 label: lowercase letters, digits and '-', starting and ending alphanumeric, at most <paramref name="maxLength"/>.</summary>
    internal static bool IsDnsLabel(ReadOnlySpan<char> label, int maxLength = MaxNameLength)
    {
        if (label.IsEmpty || label.Length > maxLength || label[0] == '-' || label[^1] == '-')
            return false;
        foreach (var c in label)
        {
            if (!char.IsAsciiLetterLower(c) && !char.IsAsciiDigit(c) && c != '-')
                return false;
        }

        return true;
    }
}
