namespace PolicyCheck.Yaml;

/// <summary>What a scalar means once resolved: JSON's types, as kubectl's YAML-to-JSON step produces them.</summary>
public enum ScalarKind : byte
{
    Null,
    Bool,
    Int,
    Float,
    String,
}
