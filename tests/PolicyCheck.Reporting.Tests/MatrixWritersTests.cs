using PolicyCheck.Reporting.Matrix;

namespace PolicyCheck.Reporting.Tests;

public sealed class MatrixWritersTests
{
    [TestCase(MatrixFormat.Table, "[1] x/a (Pod)\n")]
    [TestCase(MatrixFormat.Json, "{\n  \"schema\": \"policycheck/matrix/v1\",\n")]
    [TestCase(MatrixFormat.Csv, "from,x/a,x/b\r\n")]
    [TestCase(MatrixFormat.Markdown, "1. x/a (Pod)\n")]
    [TestCase(MatrixFormat.Dot, "digraph reachability {\n")]
    public void Create_EachFormat_WritesThatFormat(MatrixFormat format, string start) =>
        Assert.That(WriterInputs.Render(format, WriterInputs.TwoPods()), Does.StartWith(start));

    [Test]
    public void Create_UnknownFormat_Throws() =>
        Assert.That(() => MatrixWriters.Create((MatrixFormat)99), Throws.InstanceOf<ArgumentOutOfRangeException>());

    [TestCase(MatrixFormat.Table)]
    [TestCase(MatrixFormat.Json)]
    [TestCase(MatrixFormat.Csv)]
    [TestCase(MatrixFormat.Markdown)]
    [TestCase(MatrixFormat.Dot)]
    public void Write_SameInputTwice_SameOutput(MatrixFormat format) =>
        Assert.That(
            WriterInputs.Render(format, SampleMatrix.Shop()),
            Is.EqualTo(WriterInputs.Render(format, SampleMatrix.Shop())));
}
