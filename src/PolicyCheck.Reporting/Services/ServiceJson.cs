using System.Text.Encodings.Web;
using System.Text.Json;

namespace PolicyCheck.Reporting.Services;

/// <summary>How the service writers write JSON: indented, readable characters, the writer's newline, one trailing newline.</summary>
internal static class ServiceJson
{
    public static void Write(TextWriter output, Action<Utf8JsonWriter> body)
    {
        var options = new JsonWriterOptions
        {
            Indented = true,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            NewLine = output.NewLine == "\r\n" ? "\r\n" : "\n",
        };
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, options))
            body(json);
        output.Write(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
        output.Write(options.NewLine);
    }
}
