using System.Collections.Immutable;
using System.Globalization;
using System.Net;
using PolicyCheck.Core.Diagnostics;

namespace PolicyCheck.Lint.Settings;

/// <summary>
/// A named, typed setting of one rule, with its default on the rule. Profiles and configuration write it under
/// <c>rules: {ID: {params: {name: value}}}</c>; <see cref="LintContext.Parameter{T}"/> reads it.
/// </summary>
public abstract class RuleParameter
{
    protected RuleParameter(string name, string description)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
        Description = description;
    }

    public string Name { get; }

    public string Description { get; }

    /// <summary>The default as it would be written in YAML, for docs and help.</summary>
    public abstract string DefaultText { get; }

    /// <summary>Null when <paramref name="value"/> reads, else the error at the offending item.</summary>
    public abstract SettingsError? Check(RuleParameterValue value);

    /// <summary>A list of port numbers 1–65535.</summary>
    public static RuleParameter<ImmutableArray<int>> Ports(string name, string description, ImmutableArray<int> defaults) =>
        new ListParameter<int>(name, description, defaults, "a port number 1-65535", text =>
            (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is >= 1 and <= 65535, port),
            p => p.ToString(CultureInfo.InvariantCulture));

    /// <summary>A list of IPv4 or IPv6 addresses.</summary>
    public static RuleParameter<ImmutableArray<IPAddress>> Addresses(string name, string description, ImmutableArray<IPAddress> defaults) =>
        new ListParameter<IPAddress>(name, description, defaults, "an IPv4 or IPv6 address", text =>
            IPAddress.TryParse(text, out var address) && !text.Contains('/', StringComparison.Ordinal) ? (true, address) : (false, IPAddress.None),
            a => a.ToString());
}
