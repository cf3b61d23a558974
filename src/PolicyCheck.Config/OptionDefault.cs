using PolicyCheck.Core.Model;

namespace PolicyCheck.Config;

/// <summary>
/// A default for one option of one command, from <c>defaults: {lint: {fail-on: warning}}</c>: the option name
/// without dashes and its value (a boolean, a word, or a list for options that take several).
/// </summary>
/// <param name="Span">Where the option name is written.</param>
/// <param name="CommandSpan">Where the command name is written.</param>
public sealed record OptionDefault(string Command, string Option, ConfigValue Value, SourceSpan Span, SourceSpan CommandSpan);
