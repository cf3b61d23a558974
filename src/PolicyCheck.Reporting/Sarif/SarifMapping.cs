using System.Collections.Immutable;
using PolicyCheck.Core.Diagnostics;
using PolicyCheck.Core.Model;

namespace PolicyCheck.Reporting.Sarif;

/// <summary>
/// Turns diagnostics into the SARIF records, one result per diagnostic. Rules are sorted by ID and results by
/// location, rule and message, so the same input always gives the same log.
/// </summary>
public static class SarifMapping
{
    public const string ToolName = "PolicyCheck";

    public static readonly Uri InformationUri = new("https://github.com/policycheck/policycheck");

    public static SarifLog Map(SarifInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var metadata = input.Metadata ?? ImmutableDictionary<string, SarifRuleMetadata>.Empty;
        var descriptors = input.Rules.Concat(input.Findings.Select(f => f.Diagnostic.Descriptor))
            .DistinctBy(d => d.Id, StringComparer.Ordinal)
            .OrderBy(d => d.Id, StringComparer.Ordinal)
            .ToImmutableArray();
        var ruleIndex = descriptors.Select((d, i) => (d.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        var rules = descriptors.Select(d => Rule(d, metadata.GetValueOrDefault(d.Id))).ToImmutableArray();

        var lines = new SourceLines();
        var located = input.Findings
            .Select(f => (Finding: f, Where: Where(f.Diagnostic.Span, input.RepositoryRoot)))
            .OrderBy(p => p.Where?.Location.Uri ?? string.Empty, StringComparer.Ordinal)
            .ThenBy(p => p.Finding.Diagnostic.Span.Line)
            .ThenBy(p => p.Finding.Diagnostic.Span.Column)
            .ThenBy(p => p.Finding.Diagnostic.Id, StringComparer.Ordinal)
            .ThenBy(p => p.Finding.Diagnostic.Message, StringComparer.Ordinal);

        var occurrences = new Dictionary<(string, string, string), int>();
        var results = ImmutableArray.CreateBuilder<SarifResult>(input.Findings.Length);
        foreach (var (finding, where) in located)
        {
            var diagnostic = finding.Diagnostic;
            var uri = where?.Location.Uri ?? string.Empty;
            var lineText = lines.Line(where?.FullPath, diagnostic.Span.Line) ?? diagnostic.Message;
            var key = (diagnostic.Id, uri, lineText.Trim());
            var occurrence = occurrences[key] = occurrences.GetValueOrDefault(key) + 1;
            results.Add(new SarifResult(
                diagnostic.Id,
                ruleIndex[diagnostic.Id],
                Level(diagnostic.Severity),
                diagnostic.Message,
                where is { } w ? [new SarifLocation(new SarifPhysicalLocation(w.Location, Region(diagnostic.Span)))] : [],
                Related(diagnostic.Related, input.RepositoryRoot),
                PrimaryLocationLineHash.Compute(diagnostic.Id, uri, lineText, occurrence),
                finding.Suppression));
        }

        var driver = new SarifToolComponent(ToolName, input.ToolVersion, input.ToolVersion, InformationUri, rules);
        var run = new SarifRun(driver, input.AutomationId, SarifArtifactUris.SourceRoot(input.RepositoryRoot),
            results.MoveToImmutable())
        { Plugin = input.Plugin };
        return new SarifLog([run]);
    }

    public static SarifLevel Level(Severity severity) => severity switch
    {
        Severity.Error => SarifLevel.Error,
        Severity.Warning => SarifLevel.Warning,
        _ => SarifLevel.Note,
    };

    private static SarifReportingDescriptor Rule(DiagnosticDescriptor descriptor, SarifRuleMetadata? metadata)
    {
        var helpUri = descriptor.HelpUri;
        var summary = Sentence(descriptor.Title);
        var full = metadata?.FullDescription ?? summary;
        var help = new SarifMultiformatMessage(
            $"{full} See {helpUri.AbsoluteUri}",
            metadata?.HelpMarkdown ?? $"{summary}\n\nSee [{descriptor.Id} {descriptor.Name}]({helpUri.AbsoluteUri}).");
        var tags = (metadata?.Tags ?? []).Append(descriptor.Category.ToLowerInvariant())
            .Distinct(StringComparer.Ordinal)
            .ToImmutableArray();
        var properties = new SarifRuleProperties(tags, metadata?.SecuritySeverity,
            metadata?.Precision ?? SarifPrecision.High, ProblemSeverity(descriptor.DefaultSeverity));
        return new SarifReportingDescriptor(descriptor.Id, descriptor.Name, summary, full, help, helpUri,
            Level(descriptor.DefaultSeverity), properties);
    }

    private static string ProblemSeverity(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "recommendation",
    };

    private static string Sentence(string text) => text.EndsWith('.') ? text : text + ".";

    private static (SarifArtifactLocation Location, string? FullPath)? Where(SourceSpan span, string root) =>
        string.IsNullOrEmpty(span.Path) ? null : SarifArtifactUris.Locate(span.Path, root);

    private static SarifRegion? Region(SourceSpan span)
    {
        if (span.IsNone)
            return null;
        var column = Math.Max(span.Column, 1);
        var hasEnd = span.EndLine > span.Line || (span.EndLine == span.Line && span.EndColumn >= column);
        return hasEnd ? new SarifRegion(span.Line, column, span.EndLine, span.EndColumn) : new SarifRegion(span.Line, column, null, null);
    }

    private static ImmutableArray<SarifLocation> Related(ImmutableArray<SourceSpan> spans, string root)
    {
        var related = ImmutableArray.CreateBuilder<SarifLocation>();
        foreach (var span in spans.IsDefault ? [] : spans)
        {
            if (Where(span, root) is not { } where)
                continue;
            var id = related.Count + 1;
            var place = span.IsNone ? where.Location.Uri : $"{where.Location.Uri}:{span.Line}:{Math.Max(span.Column, 1)}";
            related.Add(new SarifLocation(new SarifPhysicalLocation(where.Location, Region(span)), id,
                $"Related location '{place}'."));
        }

        return related.ToImmutable();
    }

    /// <summary>Start lines for fingerprints, each file read once; null when the file or line isn't there.</summary>
    private sealed class SourceLines
    {
        private readonly Dictionary<string, string[]?> _files = new(StringComparer.Ordinal);

        public string? Line(string? fullPath, int line)
        {
            if (fullPath is null || line < 1)
                return null;
            if (!_files.TryGetValue(fullPath, out var text))
                _files[fullPath] = text = Read(fullPath);
            return text is not null && line <= text.Length ? text[line - 1] : null;
        }

        private static string[]? Read(string fullPath)
        {
            try
            {
                return File.Exists(fullPath) ? File.ReadAllLines(fullPath) : null;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // An unreadable input only costs the fingerprint its line text; the message stands in for it.
                return null;
            }
        }
    }
}
