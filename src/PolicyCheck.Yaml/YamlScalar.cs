using System.Globalization;

namespace PolicyCheck.Yaml;

/// <summary>
/// A scalar with its text and how it was written. <see cref="Kind"/> resolves plain scalars the way kubectl's YAML to
/// JSON step does (go-yaml v2, YAML 1.1): <c>yes</c>, <c>on</c> and <c>y</c> are booleans, <c>0x1F</c> and
/// <c>017</c> integers, <c>1.10</c> a number; quoted scalars are strings.
/// </summary>
public sealed class YamlScalar : YamlNode
{
    private const string TagPrefix = "tag:yaml.org,2002:";
    private const int DescribeLimit = 60;

    private ScalarKind? _kind;

    public YamlScalar(TextPosition start, TextPosition end, string value, bool isPlain, string? tag)
        : base(start, end, 1)
    {
        Value = value;
        IsPlain = isPlain;
        Tag = tag;
    }

    public string Value { get; }

    public bool IsPlain { get; }

    /// <summary>The explicit tag (<c>tag:yaml.org,2002:str</c> for <c>!!str</c>), or null when none was written.</summary>
    public string? Tag { get; }

    public ScalarKind Kind => _kind ??= Resolve();

    public bool IsNull => Kind == ScalarKind.Null;

    /// <summary>The plain merge key <c>&lt;&lt;</c> of YAML 1.1, which kubectl honours.</summary>
    public bool IsMergeKey =>
        (IsPlain && Tag is null && Value == "<<") || string.Equals(Tag, TagPrefix + "merge", StringComparison.Ordinal);

    public override string Describe()
    {
        var shown = Value.Length <= DescribeLimit ? Value : string.Concat(Value.AsSpan(0, DescribeLimit), "…");
        return Kind switch
        {
            ScalarKind.Null => "null",
            ScalarKind.Bool => $"the boolean '{shown}'",
            ScalarKind.Int or ScalarKind.Float => $"the number '{shown}'",
            _ => $"the string '{shown}'",
        };
    }

    public override string DescribeShape() => Kind switch
    {
        ScalarKind.Null => "null",
        ScalarKind.Bool => "a boolean",
        ScalarKind.Int or ScalarKind.Float => "a number",
        _ => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"a string of {Value.Length} characters"),
    };

    /// <summary>
    /// The value as a boolean when it is one: YAML 1.1's spellings, as go-yaml (and so kubectl) reads them —
    /// <c>true</c>/<c>yes</c>/<c>y</c>/<c>on</c> and <c>false</c>/<c>no</c>/<c>n</c>/<c>off</c> in lower, title or
    /// upper case. The one place these spellings are listed.
    /// </summary>
    public bool TryGetBoolean(out bool value)
    {
        value = Kind == ScalarKind.Bool && IsTrueWord(Value);
        return Kind == ScalarKind.Bool;
    }

    /// <summary>The value as an integer when it is one, or a number without a fraction (JSON cannot tell them apart).</summary>
    public bool TryGetInteger(out long value)
    {
        switch (Kind)
        {
            case ScalarKind.Int:
                return TryParseInteger(Value, out value);
            case ScalarKind.Float:
                var text = Value.Contains('_', StringComparison.Ordinal) ? Value.Replace("_", string.Empty, StringComparison.Ordinal) : Value;
                if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) &&
                    Math.Floor(number) == number && Math.Abs(number) < 9.2e18)
                {
                    value = (long)number;
                    return true;
                }

                break;
        }

        value = 0;
        return false;
    }

    private ScalarKind Resolve()
    {
        if (Tag is not null)
        {
            switch (Tag)
            {
                case TagPrefix + "str" or "!": return ScalarKind.String;
                case TagPrefix + "null": return ScalarKind.Null;
                case TagPrefix + "bool": return ScalarKind.Bool;
                case TagPrefix + "int": return TryParseInteger(Value, out _) ? ScalarKind.Int : ScalarKind.String;
                case TagPrefix + "float": return ScalarKind.Float;
            }
        }

        return IsPlain ? ResolvePlain(Value) : ScalarKind.String;
    }

    private static ScalarKind ResolvePlain(string value)
    {
        if (value.Length == 0)
            return ScalarKind.Null;
        switch (value[0])
        {
            case '~' or 'n' or 'N' or 'y' or 'Y' or 't' or 'T' or 'f' or 'F' or 'o' or 'O':
                return ResolveWord(value);
            case '+' or '-' or '.' or (>= '0' and <= '9'):
                if (TryParseInteger(value, out _))
                    return ScalarKind.Int;
                return IsFloat(value) ? ScalarKind.Float : ScalarKind.String;
            default:
                return ScalarKind.String;
        }
    }

    private static ScalarKind ResolveWord(string value) =>
        value is "~" or "null" or "Null" or "NULL" ? ScalarKind.Null
        : IsTrueWord(value) || IsFalseWord(value) ? ScalarKind.Bool
        : ScalarKind.String;

    private static bool IsTrueWord(string value) =>
        value is "y" or "Y" or "yes" or "Yes" or "YES" or "true" or "True" or "TRUE" or "on" or "On" or "ON";

    private static bool IsFalseWord(string value) =>
        value is "n" or "N" or "no" or "No" or "NO" or "false" or "False" or "FALSE" or "off" or "Off" or "OFF";

    /// <summary>
    /// Go's <c>strconv.ParseInt(s, 0, 64)</c> after go-yaml drops underscores: optional sign, then <c>0x</c>, <c>0o</c>,
    /// <c>0b</c>, a leading <c>0</c> (octal) or decimal digits.
    /// </summary>
    public static bool TryParseInteger(string text, out long value)
    {
        value = 0;
        ReadOnlySpan<char> s = text.Contains('_', StringComparison.Ordinal) ? text.Replace("_", string.Empty, StringComparison.Ordinal) : text;
        var negative = false;
        if (s.Length > 0 && (s[0] == '+' || s[0] == '-'))
        {
            negative = s[0] == '-';
            s = s[1..];
        }

        var radix = 10u;
        if (s.Length > 1 && s[0] == '0')
        {
            radix = s[1] switch
            {
                'x' or 'X' => 16u,
                'b' or 'B' => 2u,
                _ => 8u,
            };
            s = s[(s[1] is 'x' or 'X' or 'o' or 'O' or 'b' or 'B' ? 2 : 1)..];
        }

        if (s.IsEmpty)
            return false;
        ulong magnitude = 0;
        foreach (var c in s)
        {
            var digit = c switch
            {
                >= '0' and <= '9' => (uint)(c - '0'),
                >= 'a' and <= 'f' => (uint)(c - 'a' + 10),
                >= 'A' and <= 'F' => (uint)(c - 'A' + 10),
                _ => uint.MaxValue,
            };
            if (digit >= radix || magnitude > (ulong.MaxValue - digit) / radix)
                return false;
            magnitude = (magnitude * radix) + digit;
        }

        if (negative ? magnitude > (ulong)long.MaxValue + 1 : magnitude > long.MaxValue)
            return false;
        value = negative ? (long)(0 - magnitude) : (long)magnitude;
        return true;
    }

    /// <summary>go-yaml's float syntax <c>[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?</c>, plus .inf and .nan.</summary>
    private static bool IsFloat(string text)
    {
        ReadOnlySpan<char> s = text.Contains('_', StringComparison.Ordinal) ? text.Replace("_", string.Empty, StringComparison.Ordinal) : text;
        var unsigned = s.Length > 0 && (s[0] == '+' || s[0] == '-') ? s[1..] : s;
        if (unsigned is ".inf" or ".Inf" or ".INF" || s is ".nan" or ".NaN" or ".NAN")
            return true;
        var i = 0;
        var digits = CountDigits(unsigned, ref i);
        if (i < unsigned.Length && unsigned[i] == '.')
        {
            i++;
            var fraction = CountDigits(unsigned, ref i);
            if (digits == 0 && fraction == 0)
                return false;
        }
        else if (digits == 0)
        {
            return false;
        }

        if (i < unsigned.Length && (unsigned[i] == 'e' || unsigned[i] == 'E'))
        {
            i++;
            if (i < unsigned.Length && (unsigned[i] == '+' || unsigned[i] == '-'))
                i++;
            if (CountDigits(unsigned, ref i) == 0)
                return false;
        }

        return i == unsigned.Length;
    }

    private static int CountDigits(ReadOnlySpan<char> s, ref int i)
    {
        var start = i;
        while (i < s.Length && char.IsAsciiDigit(s[i]))
            i++;
        return i - start;
    }
}
