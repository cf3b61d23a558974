namespace PolicyCheck.Reporting.List;

/// <summary>Renders a connection list; it formats what the engine and the exposure analysis decided, nothing more.</summary>
public interface IListWriter
{
    void Write(ListReport report, TextWriter output);
}
