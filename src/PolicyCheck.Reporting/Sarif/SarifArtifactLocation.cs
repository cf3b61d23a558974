namespace PolicyCheck.Reporting.Sarif;

/// <summary>
/// A SARIF <c>artifactLocation</c>: a repository-relative URI with <c>uriBaseId</c> <c>%SRCROOT%</c>, or an absolute
/// URI (a file outside the repository, a live object) with no <paramref name="UriBaseId"/>.
/// </summary>
public sealed record SarifArtifactLocation(string Uri, string? UriBaseId);
