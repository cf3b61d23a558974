using System.Collections.Immutable;

namespace PolicyCheck.Reporting.Sarif;

/// <summary>The SARIF 2.1.0 <c>sarifLog</c>: the schema, the version and the runs.</summary>
public sealed record SarifLog(ImmutableArray<SarifRun> Runs)
{
    public const string Schema = "https://json.schemastore.org/sarif-2.1.0.json";

    public const string Version = "2.1.0";
}
