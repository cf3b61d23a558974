namespace PolicyCheck.Core.Engine;

/// <summary>One ordered pair of subjects with what is allowed from the first to the second (never empty).</summary>
public sealed record Connection(int FromIndex, int ToIndex, Subject From, Subject To, PortSet Allowed);
