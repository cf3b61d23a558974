using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using PolicyCheck.Core.Diagnostics;

namespace PolicyCheck.Manifests.Tests;

[Parallelizable(ParallelScope.Fixtures)]
public sealed partial class LoadDiagnosticsTests
{
    private static IEnumerable<(string Property, DiagnosticDescriptor Descriptor)> Declared() =>
        typeof(LoadDiagnostics).GetProperties(BindingFlags.Public | BindingFlags.Static)
            .Where(p => p.PropertyType == typeof(DiagnosticDescriptor))
            .Select(p => (p.Name, (DiagnosticDescriptor)p.GetValue(null)!)); // static properties, no instance needed

    [Test]
    public void All_ListsEveryDescriptorOnceInIdOrder()
    {
        var declared = Declared().Select(d => d.Descriptor).ToList();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(LoadDiagnostics.All, Is.EquivalentTo(declared));
            Assert.That(LoadDiagnostics.All.Select(d => d.Id), Is.Unique.And.Ordered.Using((IComparer<string>)StringComparer.Ordinal));
        }
    }

    [Test]
    public void Descriptors_FollowTheHouseRules()
    {
        using (Assert.EnterMultipleScope())
        {
            foreach (var (property, descriptor) in Declared())
            {
                Assert.That(descriptor.Id, Does.Match(PcInputBand()), property);
                Assert.That(descriptor.Name, Is.EqualTo(property), "SARIF name is the property name");
                Assert.That(descriptor.Category, Is.EqualTo("Input"), property);
                Assert.That(descriptor.Title, Is.Not.Empty.And.Not.EndWith("."), property);
                Assert.That(descriptor.MessageFormat, Does.EndWith("."), property);
                // A sentence starts with a capital, a quoted value or an argument (a quoted name).
                Assert.That(descriptor.MessageFormat, Does.Match("^[A-Z'{]"), property);
            }
        }
    }

    [Test]
    public void Messages_FormatWithTheirArguments()
    {
        using (Assert.EnterMultipleScope())
        {
            foreach (var (property, descriptor) in Declared())
            {
                var count = Placeholders().Matches(descriptor.MessageFormat).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).DefaultIfEmpty(-1).Max() + 1;
                var arguments = Enumerable.Range(0, count).Select(i => (object?)$"arg{i}").ToArray();
                var message = Diagnostic.Create(descriptor, default, arguments).Message;
                Assert.That(message, Does.Not.Contain("{").And.EndWith("."), property);
            }
        }
    }

    [Test]
    public void Severities_AreErrorsExceptTheListedNotesAndWarnings()
    {
        var notes = Declared().Where(d => d.Descriptor.DefaultSeverity != Severity.Error).Select(d => d.Property);

        // Issue #12 added the unknown-field warning (levels that do not decide reachability) and notes for input that
        // is read but rarely meant (null label value, absent podSelector) or is skipped by design.
        Assert.That(notes, Is.EquivalentTo(new[]
        {
            nameof(LoadDiagnostics.EmptyInput), nameof(LoadDiagnostics.EmptyFolder), nameof(LoadDiagnostics.UnknownFieldIgnored),
            nameof(LoadDiagnostics.NullLabelValue), nameof(LoadDiagnostics.PolicySelectsEveryPod), nameof(LoadDiagnostics.NotARegularFile),
            nameof(LoadDiagnostics.SkippedKindNotRead),

            // Issue #14: a policy kind PolicyCheck does not evaluate is read and reported, not rejected.
            nameof(LoadDiagnostics.UnevaluatedPolicy),
        }));
    }

    [GeneratedRegex(@"^PC0\d{3}$")]
    private static partial Regex PcInputBand();

    [GeneratedRegex(@"\{(\d+)\}")]
    private static partial Regex Placeholders();
}
