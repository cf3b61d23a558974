namespace PolicyCheck.Manifests.Syntax;

/// <summary>
/// The API server's rules for object names (<c>metadata.name</c>) per kind and for namespace names. Each check returns
/// null when valid, else the reason, phrased to follow "is not valid: ".
/// </summary>
internal static class NameSyntax
{
    public const int MaxSubdomainLength = 253;
    public const int MaxLabelLength = 63;

    /// <summary>The API server's limit for a CronJob's name: its Jobs append an 11-character suffix and must stay a label value.</summary>
    public const int MaxCronJobNameLength = 52;

    /// <summary>
    /// Namespaces are DNS-1123 labels, Services DNS-1035 labels (they become DNS names and environment variables),
    /// every other kind PolicyCheck reads a DNS-1123 subdomain.
    /// </summary>
    public static string? Check(string kind, string name) => kind switch
    {
        "Namespace" => CheckNamespace(name),
        "Service" => CheckDns1035Label(name),
        "CronJob" when name.Length > MaxCronJobNameLength =>
            $"it has {name.Length} characters, and a CronJob name has at most {MaxCronJobNameLength}",
        _ => CheckSubdomain(name),
    };

    public static string? CheckNamespace(string name)
    {
        if (name.Length > MaxLabelLength)
            return $"it has {name.Length} characters, more than {MaxLabelLength}";
        return LabelSyntax.IsDnsLabel(name)
            ? null
            : "a namespace name is a DNS label: lowercase letters, digits and '-', starting and ending with a letter or digit";
    }

    private static string? CheckDns1035Label(string name)
    {
        if (name.Length > MaxLabelLength)
            return $"it has {name.Length} characters, more than {MaxLabelLength}";
        return LabelSyntax.IsDnsLabel(name) && char.IsAsciiLetterLower(name[0])
            ? null
            : "a Service name is a DNS-1035 label: lowercase letters, digits and '-', starting with a letter and ending with a letter or digit";
    }

    private static string? CheckSubdomain(string name)
    {
        if (name.Length > MaxSubdomainLength)
            return $"it has {name.Length} characters, more than {MaxSubdomainLength}";
        return LabelSyntax.IsDnsSubdomain(name)
            ? null
            : "a name is a DNS subdomain: lowercase letters, digits, '-' and '.', each part between dots starting and ending with a letter or digit";
    }
}
