namespace PolicyCheck.Reporting.Sarif;

/// <summary>A SARIF <c>physicalLocation</c>: the artifact and, when known, the region in it.</summary>
public sealed record SarifPhysicalLocation(SarifArtifactLocation ArtifactLocation, SarifRegion? Region);
