namespace PolicyCheck.Core.Model;

/// <summary>A 1-based region of an input file, as YamlDotNet and SARIF count lines and columns.</summary>
public readonly record struct SourceSpan(string Path, int Line, int Column, int EndLine, int EndColumn)
{
    /// <summary>The span of something that has no place in a file (a default, an implied object).</summary>
    public static SourceSpan None { get; } = new(string.Empty, 0, 0, 0, 0);

    public bool IsNone => Line == 0;

    public static SourceSpan At(string path, int line, int column) => new(path, line, column, line, column);

    public override string ToString() => IsNone ? "<none>" : $"{Path}:{Line}:{Column}";
}
