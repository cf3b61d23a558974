namespace PolicyCheck.Reporting.Matrix;

/// <summary>Renders a computed matrix; a writer formats what the engine decided and never decides anything itself.</summary>
public interface IMatrixWriter
{
    void Write(MatrixReport report, TextWriter output);
}
