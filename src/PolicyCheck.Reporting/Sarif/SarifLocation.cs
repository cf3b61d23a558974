namespace PolicyCheck.Reporting.Sarif;

/// <summary>
/// A SARIF <c>location</c>. Related locations carry an <paramref name="Id"/> (1-based within the result) and a
/// <paramref name="Message"/>; primary locations carry neither.
/// </summary>
public sealed record SarifLocation(SarifPhysicalLocation PhysicalLocation, int? Id = null, string? Message = null);
