using System.Buffers;
using System.Text.Json;
using PolicyCheck.Reporting.Formats;

namespace PolicyCheck.Reporting.Sarif;

/// <summary>
/// Writes a SARIF 2.1.0 log, and nothing else, to a <see cref="TextWriter"/>, streaming result by result. Optional
/// members are left out rather than written empty, except <c>results</c>, which is <c>[]</c> for a clean run.
/// </summary>
public static class SarifWriter
{
    public static void Write(SarifInput input, TextWriter output) => Write(SarifMapping.Map(input), output);

    public static void Write(SarifLog log, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(output);
        var buffer = new ArrayBufferWriter<byte>(JsonText.ChunkBytes);
        using (var json = new Utf8JsonWriter(buffer, JsonText.Options(output)))
        {
            json.WriteStartObject();
            json.WriteString("$schema", SarifLog.Schema);
            json.WriteString("version", SarifLog.Version);
            json.WriteStartArray("runs");
            foreach (var run in log.Runs)
                WriteRun(json, run, buffer, output);
            json.WriteEndArray();
            json.WriteEndObject();
            JsonText.Drain(json, buffer, output, threshold: -1);
        }

        output.Write(output.NewLine);
    }

    private static void WriteRun(Utf8JsonWriter json, SarifRun run, ArrayBufferWriter<byte> buffer, TextWriter output)
    {
        json.WriteStartObject();
        json.WriteStartObject("tool");
        WriteDriver(json, run.Driver);
        json.WriteEndObject();
        json.WriteStartObject("automationDetails");
        json.WriteString("id", run.AutomationId);
        json.WriteEndObject();
        json.WriteStartObject("originalUriBaseIds");
        json.WriteStartObject(SarifRun.SourceRootId);
        json.WriteString("uri", run.SourceRoot.AbsoluteUri);
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteStartObject("properties");
        NetworkPluginText.WriteJson(json, run.Plugin);
        json.WriteEndObject();
        json.WriteStartArray("results");
        foreach (var result in run.Results)
        {
            WriteResult(json, result);
            JsonText.Drain(json, buffer, output, JsonText.ChunkBytes);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteDriver(Utf8JsonWriter json, SarifToolComponent driver)
    {
        json.WriteStartObject("driver");
        json.WriteString("name", driver.Name);
        json.WriteString("version", driver.Version);
        json.WriteString("semanticVersion", driver.SemanticVersion);
        json.WriteString("informationUri", driver.InformationUri.AbsoluteUri);
        json.WriteStartArray("rules");
        foreach (var rule in driver.Rules)
            WriteRule(json, rule);
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteRule(Utf8JsonWriter json, SarifReportingDescriptor rule)
    {
        json.WriteStartObject();
        json.WriteString("id", rule.Id);
        json.WriteString("name", rule.Name);
        WriteText(json, "shortDescription", rule.ShortDescription);
        WriteText(json, "fullDescription", rule.FullDescription);
        json.WriteStartObject("help");
        json.WriteString("text", rule.Help.Text);
        json.WriteString("markdown", rule.Help.Markdown);
        json.WriteEndObject();
        json.WriteString("helpUri", rule.HelpUri.AbsoluteUri);
        json.WriteStartObject("defaultConfiguration");
        json.WriteString("level", LevelName(rule.DefaultLevel));
        json.WriteEndObject();
        json.WriteStartObject("properties");
        json.WriteStartArray("tags");
        foreach (var tag in rule.Properties.Tags)
            json.WriteStringValue(tag);
        json.WriteEndArray();
        if (rule.Properties.SecuritySeverity is { } securitySeverity)
            json.WriteString("security-severity", securitySeverity);
        json.WriteString("precision", PrecisionName(rule.Properties.Precision));
        json.WriteString("problem.severity", rule.Properties.ProblemSeverity);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteResult(Utf8JsonWriter json, SarifResult result)
    {
        json.WriteStartObject();
        json.WriteString("ruleId", result.RuleId);
        json.WriteNumber("ruleIndex", result.RuleIndex);
        json.WriteString("level", LevelName(result.Level));
        WriteText(json, "message", result.Message);
        if (!result.Locations.IsEmpty)
            WriteLocations(json, "locations", result.Locations);
        if (!result.RelatedLocations.IsEmpty)
            WriteLocations(json, "relatedLocations", result.RelatedLocations);
        json.WriteStartObject("partialFingerprints");
        json.WriteString("primaryLocationLineHash", result.PrimaryLocationLineHash);
        json.WriteEndObject();
        if (result.Suppression is { } suppression)
        {
            json.WriteStartArray("suppressions");
            json.WriteStartObject();
            json.WriteString("kind", suppression.Kind == SarifSuppressionKind.InSource ? "inSource" : "external");
            json.WriteString("justification", suppression.Justification);
            json.WriteEndObject();
            json.WriteEndArray();
        }

        json.WriteEndObject();
    }

    private static void WriteLocations(Utf8JsonWriter json, string name, IEnumerable<SarifLocation> locations)
    {
        json.WriteStartArray(name);
        foreach (var location in locations)
        {
            json.WriteStartObject();
            if (location.Id is { } id)
                json.WriteNumber("id", id);
            json.WriteStartObject("physicalLocation");
            json.WriteStartObject("artifactLocation");
            json.WriteString("uri", location.PhysicalLocation.ArtifactLocation.Uri);
            if (location.PhysicalLocation.ArtifactLocation.UriBaseId is { } baseId)
                json.WriteString("uriBaseId", baseId);
            json.WriteEndObject();
            if (location.PhysicalLocation.Region is { } region)
                WriteRegion(json, region);
            json.WriteEndObject();
            if (location.Message is { } message)
                WriteText(json, "message", message);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteRegion(Utf8JsonWriter json, SarifRegion region)
    {
        json.WriteStartObject("region");
        json.WriteNumber("startLine", region.StartLine);
        json.WriteNumber("startColumn", region.StartColumn);
        if (region.EndLine is { } endLine)
            json.WriteNumber("endLine", endLine);
        if (region.EndColumn is { } endColumn)
            json.WriteNumber("endColumn", endColumn);
        json.WriteEndObject();
    }

    private static void WriteText(Utf8JsonWriter json, string name, string text)
    {
        json.WriteStartObject(name);
        json.WriteString("text", text);
        json.WriteEndObject();
    }

    private static string LevelName(SarifLevel level) => level switch
    {
        SarifLevel.Error => "error",
        SarifLevel.Warning => "warning",
        _ => "note",
    };

    private static string PrecisionName(SarifPrecision precision) => precision switch
    {
        SarifPrecision.VeryHigh => "very-high",
        SarifPrecision.High => "high",
        SarifPrecision.Medium => "medium",
        _ => "low",
    };
}
