namespace PolicyCheck.Reporting.Services;

public enum ServicesFormat
{
    Text,
    Json,
    Markdown,
}
