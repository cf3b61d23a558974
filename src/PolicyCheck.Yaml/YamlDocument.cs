using System.Collections.Immutable;

namespace PolicyCheck.Yaml;

/// <summary>
/// One YAML document. <paramref name="Faults"/> are where problems were already reported (a repeated key, an alias
/// without anchor …); an object whose node contains one is left out, the rest of the document still loads.
/// </summary>
public sealed record YamlDocument(YamlNode Root, ImmutableArray<TextPosition> Faults)
{
    public bool HasFaultWithin(YamlNode node)
    {
        foreach (var fault in Faults)
        {
            if (node.Contains(fault))
                return true;
        }

        return false;
    }
}
