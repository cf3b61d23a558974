namespace PolicyCheck.Yaml;

/// <summary>
/// A node of the small tree the loader builds from YamlDotNet's events. An alias is not a node of its own: the
/// tree holds the anchored node again, so aliases cost no copies; <see cref="ExpandedSize"/> says how many nodes a
/// full expansion would visit, which bounds the work an alias bomb can cause.
/// </summary>
public abstract class YamlNode
{
    protected YamlNode(TextPosition start, TextPosition end, long expandedSize)
    {
        Start = start;
        End = end;
        ExpandedSize = expandedSize;
    }

    public TextPosition Start { get; }

    public TextPosition End { get; }

    public long ExpandedSize { get; }

    public bool Contains(TextPosition position) => Start <= position && position <= End;

    /// <summary>What the node is, for messages: <c>a mapping</c>, <c>a list</c>, <c>the string 'x'</c>.</summary>
    public abstract string Describe();

    /// <summary>
    /// What the node is without its value (<c>a string of 40 characters</c>), for a file that turned out not to be
    /// what was expected at all: it may be anything, such as a credentials file, so none of it is quoted.
    /// </summary>
    public virtual string DescribeShape() => Describe();
}
