using System.Security.Cryptography;
using System.Text;

namespace PolicyCheck.Reporting.Sarif;

/// <summary>
/// The <c>partialFingerprints.primaryLocationLineHash</c> of a result: the first 16 hex digits of the SHA-256 of
/// rule ID, artifact URI and the trimmed text of the start line (the message when the line cannot be read), then
/// <c>:n</c>, the 1-based occurrence of that same triple in the log. Moving a finding to another line keeps it;
/// editing the line or renaming the file makes it a new finding, as GitHub code scanning expects.
/// </summary>
internal static class PrimaryLocationLineHash
{
    internal static string Compute(string ruleId, string artifactUri, string lineText, int occurrence)
    {
        var bytes = Encoding.UTF8.GetBytes($"{ruleId}\n{artifactUri}\n{lineText.Trim()}");
        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes).AsSpan(0, 8));
        return $"{hash}:{occurrence.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
    }
}
