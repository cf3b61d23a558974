namespace PolicyCheck.Cli.Tests.Fuzz;

/// <summary>
/// One node of a document, reached from its parent: a mapping entry (<see cref="Entry"/> set), a list item
/// (<see cref="List"/> set) or the document root (neither). <see cref="Path"/> is the field path, e.g.
/// <c>spec.ingress[0].from[1].podSelector</c>.
/// </summary>
internal sealed record FuzzTarget(string Path, FuzzNode Node, FuzzNode.Mapping? Parent, FuzzNode.Entry? Entry, FuzzNode.Sequence? List, int Index)
{
    /// <summary>Every node of <paramref name="root"/>, parents before children, in document order.</summary>
    public static List<FuzzTarget> All(FuzzNode root)
    {
        var targets = new List<FuzzTarget>();
        Walk(new FuzzTarget(string.Empty, root, null, null, null, -1), targets);
        return targets;
    }

    private static void Walk(FuzzTarget target, List<FuzzTarget> targets)
    {
        targets.Add(target);
        switch (target.Node)
        {
            case FuzzNode.Mapping mapping:
                for (var i = 0; i < mapping.Entries.Count; i++)
                {
                    var entry = mapping.Entries[i];
                    var path = target.Path.Length == 0 ? entry.Key.Value : $"{target.Path}.{entry.Key.Value}";
                    Walk(new FuzzTarget(path, entry.Value, mapping, entry, null, i), targets);
                }

                break;
            case FuzzNode.Sequence sequence:
                for (var i = 0; i < sequence.Items.Count; i++)
                    Walk(new FuzzTarget($"{target.Path}[{i}]", sequence.Items[i], null, null, sequence, i), targets);
                break;
        }
    }

    public string Key => Entry?.Key.Value ?? string.Empty;

    /// <summary>Puts <paramref name="value"/> where this node is (the root is replaced by the caller).</summary>
    public void Replace(FuzzNode value)
    {
        if (Entry is not null)
            Entry.Value = value;
        else if (List is not null)
            List.Items[Index] = value;
        else
            throw new InvalidOperationException("The document root is replaced through the document list.");
    }
}
