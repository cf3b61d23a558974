namespace PolicyCheck.Reporting.Explain;

/// <summary>Renders explanations computed by the Explainer; a writer formats and never decides anything itself.</summary>
public interface IExplainWriter
{
    void Write(ExplainReport report, TextWriter output);
}
