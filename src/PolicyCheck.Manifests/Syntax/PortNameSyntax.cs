namespace PolicyCheck.Manifests.Syntax;

/// <summary>The API server's syntax for port names. Each check returns null when valid, else the reason.</summary>
internal static class PortNameSyntax
{
    public const int MaxServiceNameLength = 15;

    /// <summary>
    /// IANA_SVC_NAME, used by container ports, named policy ports and named target ports: 1–15 characters of
    /// lowercase letters, digits and '-', at least one letter, no '-' at either end and no "--".
    /// </summary>
    public static string? CheckServiceName(string name)
    {
        if (name.Length is 0 or > MaxServiceNameLength)
            return $"a port name has 1 to {MaxServiceNameLength} characters";
        var hasLetter = false;
        foreach (var c in name)
        {
            if (char.IsAsciiLetterLower(c))
                hasLetter = true;
            else if (!char.IsAsciiDigit(c) && c != '-')
                return "a port name holds only lowercase letters, digits and '-'";
        }

        if (!hasLetter)
            return "a port name needs at least one letter (a quoted number is a name: write the number without quotes)";
        if (name[0] == '-' || name[^1] == '-')
            return "a port name must not start or end with '-'";
        return name.Contains("--", StringComparison.Ordinal) ? "a port name must not contain '--'" : null;
    }

    /// <summary>A Service port's own name is an RFC 1123 label: up to 63 lowercase letters, digits and '-'.</summary>
    public static string? CheckServicePortName(string name) =>
        LabelSyntax.IsDnsLabel(name)
            ? null
            : "a Service port name has at most 63 lowercase letters, digits and '-', starting and ending with a letter or digit";
}
