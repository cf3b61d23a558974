namespace PolicyCheck.Core.Model;

/// <summary>An IntOrString port: a number, or the name of a container port.</summary>
public readonly record struct PortValue(int? Number, string? Name)
{
    public static PortValue Of(int number) => new(number, null);

    public static PortValue Of(string name) => new(null, name);

    public bool IsNamed => Name is not null;

    public override string ToString() => Name ?? Number?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;
}
