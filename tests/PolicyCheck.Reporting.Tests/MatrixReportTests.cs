using System.Collections.Immutable;
using PolicyCheck.Core.Engine;
using PolicyCheck.Core.Model;
using PolicyCheck.Reporting.Matrix;

namespace PolicyCheck.Reporting.Tests;

public sealed class MatrixReportTests
{
    private static IEnumerable<MatrixFormat> Formats => Enum.GetValues<MatrixFormat>();

    [TestCaseSource(nameof(Formats))]
    public void Write_SubjectShownTwice_Throws(MatrixFormat format) =>
        Assert.That(
            () => WriterInputs.Render(format, new MatrixReport(SampleMatrix.Shop(), [0, 2, 0])),
            Throws.ArgumentException.With.Message.StartsWith("Subject 0 is shown twice."));

    [TestCaseSource(nameof(Formats))]
    public void Write_ShownIndexOutOfRange_Throws(MatrixFormat format) =>
        Assert.That(
            () => WriterInputs.Render(format, new MatrixReport(SampleMatrix.Shop(), [5])),
            Throws.ArgumentException.With.Message.StartsWith("Shown subject 5 is not in the matrix of 5."));

    [TestCaseSource(nameof(Formats))]
    public void Write_DuplicateIds_Throws(MatrixFormat format)
    {
        var matrix = ReachabilityMatrix.FromConnections(
            [SampleMatrix.Pod("x", "a"), SampleMatrix.Workload(WorkloadKind.Deployment, "x", "a")], []);

        Assert.That(
            () => WriterInputs.Render(format, MatrixReport.ForAll(matrix)),
            Throws.ArgumentException.With.Message.StartsWith("Subject id 'x/a' is not unique."));
    }

    [Test]
    public void Write_DefaultShown_Throws() =>
        Assert.That(
            () => WriterInputs.Render(MatrixFormat.Table, new MatrixReport(SampleMatrix.Shop(), default)),
            Throws.ArgumentException);

    [Test]
    public void Write_ZeroWidth_Throws() =>
        Assert.That(
            () => WriterInputs.Render(MatrixFormat.Table, SampleMatrix.Shop(), render: new RenderOptions(Width: 0)),
            Throws.InstanceOf<ArgumentOutOfRangeException>());

    [Test]
    public void ForAll_ShowsEverySubjectInMatrixOrder()
    {
        var report = MatrixReport.ForAll(SampleMatrix.Shop());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(report.Shown, Is.EqualTo(ImmutableArray.Create(0, 1, 2, 3, 4)));
            Assert.That(report.Layout, Is.EqualTo(new RenderOptions(Color: false, Width: 120)));
        }
    }
}
