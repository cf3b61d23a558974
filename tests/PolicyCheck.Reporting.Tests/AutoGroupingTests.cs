using PolicyCheck.Reporting.Matrix;

namespace PolicyCheck.Reporting.Tests;

/// <summary>When a terminal table groups or summarises on its own: a pure function of subjects, groups and width.</summary>
public sealed class AutoGroupingTests
{
    [TestCase(40, 8)]
    [TestCase(80, 28)]
    [TestCase(120, 44)]
    [TestCase(200, 76)]
    [TestCase(1, 4)]
    public void ReadableColumns_FourScreensOfTypicalColumnsBesideTheLabels(int width, int columns) =>
        Assert.That(AutoGrouping.ReadableColumns(width), Is.EqualTo(columns));

    [TestCase(0, 0, 80, MatrixForm.Full)]
    [TestCase(28, 1, 80, MatrixForm.Full)]
    [TestCase(29, 3, 80, MatrixForm.Grouped)]
    [TestCase(44, 3, 120, MatrixForm.Full)]
    [TestCase(45, 3, 120, MatrixForm.Grouped)]
    [TestCase(1840, 60, 80, MatrixForm.Grouped)]
    [TestCase(1840, 61, 80, MatrixForm.Overview)]
    [TestCase(1840, 212, 200, MatrixForm.Overview)]
    [TestCase(40, 40, 80, MatrixForm.Full)]
    [TestCase(61, 61, 80, MatrixForm.Overview)]
    [TestCase(100, 90, 300, MatrixForm.Full)]
    public void Choose_BySubjectsGroupsAndWidth(int subjects, int groups, int width, MatrixForm form) =>
        Assert.That(AutoGrouping.Choose(subjects, groups, width), Is.EqualTo(form));

    [Test]
    public void Choose_MoreGroupsThanSubjects_Throws() =>
        Assert.That(() => AutoGrouping.Choose(3, 4, 80), Throws.InstanceOf<ArgumentOutOfRangeException>());

    [Test]
    public void ReadableColumns_ZeroWidth_Throws() =>
        Assert.That(() => AutoGrouping.ReadableColumns(0), Throws.InstanceOf<ArgumentOutOfRangeException>());
}
