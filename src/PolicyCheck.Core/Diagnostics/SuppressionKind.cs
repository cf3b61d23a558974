namespace PolicyCheck.Core.Diagnostics;

/// <summary>Where a suppression was said: on the object itself (an annotation), or outside the inputs (a baseline file).</summary>
public enum SuppressionKind
{
    InSource,
    External,
}
