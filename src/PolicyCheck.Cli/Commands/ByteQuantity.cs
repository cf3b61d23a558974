using System.Globalization;

namespace PolicyCheck.Cli.Commands;

/// <summary>
/// A size in bytes written as Kubernetes writes memory quantities: a whole number, optionally followed by a binary
/// suffix (<c>Ki</c>, <c>Mi</c>, <c>Gi</c>: powers of 1024) or a decimal one (<c>k</c>, <c>M</c>, <c>G</c>: powers of
/// 1000). <c>512Mi</c> is 536,870,912 bytes, <c>1G</c> 1,000,000,000.
/// </summary>
internal static class ByteQuantity
{
    private static readonly (string Suffix, long Factor)[] Suffixes =
    [
        ("Ki", 1L << 10), ("Mi", 1L << 20), ("Gi", 1L << 30),
        ("k", 1_000L), ("M", 1_000_000L), ("G", 1_000_000_000L),
    ];

    /// <summary>Reads <paramref name="text"/>; false when it is not a whole number with one of the suffixes.</summary>
    public static bool TryParse(string text, out long bytes)
    {
        ArgumentNullException.ThrowIfNull(text);
        bytes = 0;
        var factor = 1L;
        var digits = text;
        foreach (var (suffix, value) in Suffixes)
        {
            if (text.EndsWith(suffix, StringComparison.Ordinal))
            {
                factor = value;
                digits = text[..^suffix.Length];
                break;
            }
        }

        // Digits only: no sign, no spaces, no fraction, no exponent, no thousands separator.
        if (digits.Length == 0 || digits.Length > 12 || !digits.All(char.IsAsciiDigit))
            return false;
        bytes = long.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture) * factor;
        return true;
    }

    /// <summary><paramref name="bytes"/> in the largest binary unit that divides it (<c>256Mi</c>), else in bytes.</summary>
    public static string Format(long bytes)
    {
        foreach (var (suffix, factor) in Suffixes.Take(3).Reverse())
        {
            if (bytes >= factor && bytes % factor == 0)
                return string.Create(CultureInfo.InvariantCulture, $"{bytes / factor}{suffix}");
        }

        return bytes.ToString(CultureInfo.InvariantCulture);
    }
}
