namespace PolicyCheck.Yaml;

/// <summary>One key and value of a mapping; keys are always scalars (other keys are reported and dropped).</summary>
public readonly record struct YamlEntry(YamlScalar Key, YamlNode Value);
