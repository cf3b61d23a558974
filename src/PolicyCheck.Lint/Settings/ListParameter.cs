using System.Collections.Immutable;
using PolicyCheck.Core.Diagnostics;

namespace PolicyCheck.Lint.Settings;

/// <summary>A parameter written as a YAML list of scalars, each read by one function; the list replaces the default.</summary>
internal sealed class ListParameter<TItem> : RuleParameter<ImmutableArray<TItem>>
    where TItem : notnull
{
    private readonly string _expected;
    private readonly Func<string, (bool Ok, TItem Item)> _read;
    private readonly Func<TItem, string> _write;

    public ListParameter(string name, string description, ImmutableArray<TItem> defaults, string expected, Func<string, (bool Ok, TItem Item)> read, Func<TItem, string> write)
        : base(name, description, defaults)
    {
        _expected = expected;
        _read = read;
        _write = write;
    }

    public override string DefaultText => "[" + string.Join(", ", Default.Select(_write)) + "]";

    public override bool TryRead(RuleParameterValue value, out ImmutableArray<TItem> result, out SettingsError? error)
    {
        ArgumentNullException.ThrowIfNull(value);
        result = Default;
        if (!value.IsList)
        {
            error = Error(value.Span, $"Parameter '{Name}' must be a list, each item {_expected}, e.g. {DefaultText}.");
            return false;
        }

        var items = ImmutableArray.CreateBuilder<TItem>(value.Items.Length);
        for (var i = 0; i < value.Items.Length; i++)
        {
            var (ok, item) = _read(value.Items[i]);
            if (!ok)
            {
                error = Error(value.ItemSpans[i], $"'{value.Items[i]}' in parameter '{Name}' is not {_expected}.");
                return false;
            }

            items.Add(item);
        }

        result = items.MoveToImmutable();
        error = null;
        return true;
    }
}
