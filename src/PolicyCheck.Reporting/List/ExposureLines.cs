using System.Globalization;
using PolicyCheck.Core.Exposure;

namespace PolicyCheck.Reporting.List;

/// <summary>
/// The exposure summary as indented lines of plain text, shared by the text and Markdown lists: a heading line,
/// then one section per kind of exposure, each listing its workloads or <c>(none)</c>.
/// </summary>
internal static class ExposureLines
{
    public const string None = "(none)";

    public static IEnumerable<(int Indent, string Text)> Of(ExposureReport exposure)
    {
        foreach (var (heading, items) in Sections(exposure))
        {
            yield return (0, heading);
            var any = false;
            foreach (var item in items)
            {
                any = true;
                yield return item;
            }

            if (!any)
                yield return (1, None);
        }
    }

    /// <summary>Each section's heading and its indented items (indent 1 for a workload, 2 for its detail lines).</summary>
    public static IEnumerable<(string Heading, IEnumerable<(int Indent, string Text)> Items)> Sections(ExposureReport exposure)
    {
        ArgumentNullException.ThrowIfNull(exposure);
        var subjects = exposure.Matrix.Subjects;
        yield return (
            string.Create(CultureInfo.InvariantCulture,
                $"Open to the whole cluster (every other workload may connect; {exposure.Workloads} workloads):"),
            exposure.Subjects.Where(s => !s.OpenToCluster.IsEmpty)
                .Select(s => (1, $"{subjects[s.Subject].Id} : {s.OpenToCluster}")));
        yield return (
            string.Create(CultureInfo.InvariantCulture,
                $"Open to all namespaces (some workload in every namespace may connect; {exposure.Namespaces} namespaces hold workloads):"),
            exposure.Subjects.Where(s => !s.OpenToAllNamespaces.IsEmpty)
                .Select(s => (1, $"{subjects[s.Subject].Id} : {s.OpenToAllNamespaces}")));
        yield return (
            string.Create(CultureInfo.InvariantCulture,
                $"Open to outside addresses ({exposure.OutsideSubjects} outside {(exposure.OutsideSubjects == 1 ? "subject" : "subjects")}):"),
            exposure.Subjects.Where(s => !s.OpenToOutside.IsEmpty).SelectMany(s => Outside(exposure, s)));
        yield return (
            "Not isolated for ingress (every connection in is allowed):",
            exposure.Subjects.Where(s => !s.IngressIsolated).Select(s => (1, subjects[s.Subject].Id)));
        yield return (
            "Not isolated for egress (every connection out is allowed):",
            exposure.Subjects.Where(s => !s.EgressIsolated).Select(s => (1, subjects[s.Subject].Id)));
    }

    /// <summary>
    /// <c>NAME : PORTS, from every outside address</c> when all outside subjects allow the same; otherwise the union,
    /// what every outside address may send (if anything), and one line per outside subject (whose id names its ranges;
    /// an id that counts some of them is followed by the whole list).
    /// </summary>
    private static IEnumerable<(int Indent, string Text)> Outside(ExposureReport exposure, SubjectExposure s)
    {
        var subjects = exposure.Matrix.Subjects;
        var name = subjects[s.Subject].Id;
        if (s.OpenToEveryOutsideAddress.Equals(s.OpenToOutside))
        {
            yield return (1, $"{name} : {s.OpenToOutside}, from every outside address");
            yield break;
        }

        var every = s.OpenToEveryOutsideAddress.IsEmpty
            ? string.Create(CultureInfo.InvariantCulture, $"from {s.OutsideSources.Length} of {exposure.OutsideSubjects} outside subjects")
            : $"from every outside address: {s.OpenToEveryOutsideAddress}";
        yield return (1, $"{name} : {s.OpenToOutside}, {every}");
        foreach (var source in s.OutsideSources)
        {
            var external = subjects[source.External];
            // An id that counts some of its ranges ("+7 more") is followed by all of them, so the text never hides one.
            var all = external.IdNamesEveryRange ? string.Empty : $" ({string.Join(", ", external.Ranges)})";
            yield return (2, $"{external.Id} : {source.Allowed}{all}");
        }
    }
}
