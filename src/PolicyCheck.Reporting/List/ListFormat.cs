namespace PolicyCheck.Reporting.List;

/// <summary>The ways a connection list can be written (docs/list-output.md).</summary>
public enum ListFormat
{
    /// <summary>One line per listed connection, <c>FROM =&gt; TO : PORTS</c> with display names, then the exposure summary.</summary>
    Text,

    /// <summary>The documented <c>policycheck/list/v1</c> document: <c>connections</c> and <c>exposure</c>.</summary>
    Json,

    /// <summary>RFC 4180 records <c>from,to,allowed,betweenReplicas</c>; connections only.</summary>
    Csv,

    /// <summary>A GitHub-flavoured Markdown table of the connections, then the exposure summary as lists.</summary>
    Markdown,
}
