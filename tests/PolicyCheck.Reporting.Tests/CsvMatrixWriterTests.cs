using System.Text;
using PolicyCheck.Core.Engine;
using PolicyCheck.Core.Model;
using PolicyCheck.Reporting.Matrix;
using static PolicyCheck.Reporting.Tests.WriterInputs;

namespace PolicyCheck.Reporting.Tests;

public sealed class CsvMatrixWriterTests
{
    [Test]
    public void Write_TwoPods_PortSetCellsQuotedWhenTheyHoldCommas() =>
        Assert.That(
            Render(MatrixFormat.Csv, TwoPods()),
            Is.EqualTo("from,x/a,x/b\r\nx/a,all,\"TCP 80,443; UDP 53\"\r\nx/b,,all\r\n"));

    [Test]
    [Description("The diagonal is what a subject may send itself, as in JSON; between replicas is a table-only view.")]
    public void Write_PortQuery_TrueOrFalse() =>
        Assert.That(
            Render(MatrixFormat.Csv, TwoPods(), PortQuery.Of(443)),
            Is.EqualTo("from,x/a,x/b\r\nx/a,true,true\r\nx/b,false,true\r\n"));

    [Test]
    [Description("RFC 4180 §2.6-2.7: fields with commas, quotes or line breaks are quoted, inner quotes doubled.")]
    public void Write_IdsWithCommaQuoteAndLineBreak_AreQuoted()
    {
        var matrix = ReachabilityMatrix.FromConnections(
            [
                SampleMatrix.Workload(WorkloadKind.Pod, "x", "a", id: "x/a,b"),
                SampleMatrix.Workload(WorkloadKind.Pod, "x", "q", id: "x/\"q\""),
                SampleMatrix.Workload(WorkloadKind.Pod, "x", "n", id: "x/n\nm"),
            ],
            [(0, 1, SampleMatrix.Tcp(80))]);

        Assert.That(
            Render(MatrixFormat.Csv, matrix),
            Is.EqualTo(
                "from,\"x/a,b\",\"x/\"\"q\"\"\",\"x/n\nm\"\r\n" +
                "\"x/a,b\",all,TCP 80,\r\n" +
                "\"x/\"\"q\"\"\",,all,\r\n" +
                "\"x/n\nm\",,,all\r\n"));
    }

    [Test]
    public void Write_Shop_EveryCellReadsBackAsTheMatrixCell()
    {
        var matrix = SampleMatrix.Shop();
        var records = ParseRfc4180(Render(MatrixFormat.Csv, matrix));
        var n = matrix.Subjects.Length;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(records, Has.Count.EqualTo(n + 1));
            Assert.That(records[0], Is.EqualTo(matrix.Subjects.Select(s => s.Id).Prepend("from")));
            for (var row = 0; row < n; row++)
            {
                Assert.That(records[row + 1][0], Is.EqualTo(matrix.Subjects[row].Id));
                for (var column = 0; column < n; column++)
                {
                    var cell = records[row + 1][column + 1];
                    var parsed = cell.Length == 0 ? PortSet.None : PortSet.TryParse(cell, out var set) ? set : null;
                    Assert.That(parsed, Is.EqualTo(matrix.Allowed(row, column)), $"row {row}, column {column}: '{cell}'");
                }
            }
        }
    }

    [Test]
    public void Write_ShopCluster_MatchesSnapshot() =>
        Snapshot.Match(Render(MatrixFormat.Csv, SampleMatrix.Shop()), "csv");

    /// <summary>A strict reader for the tests: quoted fields, doubled quotes, CRLF record ends.</summary>
    private static List<List<string>> ParseRfc4180(string text)
    {
        var records = new List<List<string>>();
        var record = new List<string>();
        var field = new StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] == '"')
            {
                for (i++; !(text[i] == '"' && (i + 1 == text.Length || text[i + 1] != '"')); i++)
                {
                    field.Append(text[i]);
                    if (text[i] == '"')
                        i++;
                }

                i++;
            }

            while (text[i] is not (',' or '\r'))
                field.Append(text[i++]);
            record.Add(field.ToString());
            field.Clear();
            if (text[i] == '\r')
            {
                Assert.That(text[i + 1], Is.EqualTo('\n'), "records end in CRLF");
                records.Add(record);
                record = [];
                i++;
            }

            i++;
        }

        return records;
    }
}
