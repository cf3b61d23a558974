using System.Text.Json;
using PolicyCheck.Core.Diff;

namespace PolicyCheck.Reporting.Formats;

/// <summary>
/// A JSON array of <see cref="ConnectionChange"/>s, one object each with <c>from</c> and <c>to</c> first; the writer
/// that owns the contract adds the port properties (diff/v1 and audit-drift/v1 name the two sides differently).
/// </summary>
internal static class ConnectionChangeJson
{
    internal static void WriteArray(
        Utf8JsonWriter json, string name, IEnumerable<ConnectionChange> changes, Action<Utf8JsonWriter, ConnectionChange> writePorts)
    {
        json.WriteStartArray(name);
        foreach (var change in changes)
        {
            json.WriteStartObject();
            json.WriteString("from", change.From);
            json.WriteString("to", change.To);
            writePorts(json, change);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }
}
