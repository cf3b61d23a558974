using System.Text.Json;
using System.Text.Json.Nodes;

namespace PolicyCheck.Kube.Config;

/// <summary>Typed reads from one kubeconfig mapping; every error names the file, line and key.</summary>
internal sealed class ConfigValues(KubeconfigDocument document, JsonObject mapping, string what)
{
    public KubeconfigDocument Document { get; } = document;

    public JsonObject Mapping { get; } = mapping;

    /// <summary>For messages: <c>cluster 'prod'</c>, <c>user 'alice'</c>.</summary>
    public string What { get; } = what;

    public string Folder => Path.GetDirectoryName(Path.GetFullPath(Document.Path)) ?? ".";

    public string? String(string key)
    {
        var node = Mapping[key];
        if (node is null)
            return null;
        if (node is JsonValue value && value.GetValueKind() == JsonValueKind.String)
            return value.GetValue<string>();
        if (node is JsonValue number && number.GetValueKind() is JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False)
            return number.ToJsonString();
        throw Error(node, $"'{key}' of {What} must be a string");
    }

    /// <summary>A non-empty string, or null when absent or empty (kubectl treats both alike).</summary>
    public string? NonEmpty(string key) => String(key) is { Length: > 0 } text ? text : null;

    public bool Bool(string key)
    {
        var node = Mapping[key];
        return node switch
        {
            null => false,
            JsonValue value when value.GetValueKind() == JsonValueKind.True => true,
            JsonValue value when value.GetValueKind() == JsonValueKind.False => false,
            _ => throw Error(node, $"'{key}' of {What} must be true or false"),
        };
    }

    /// <summary>Base64 data, decoded. The message never shows the data.</summary>
    public byte[]? Base64(string key)
    {
        var text = NonEmpty(key);
        if (text is null)
            return null;
        try
        {
            return System.Convert.FromBase64String(text);
        }
        catch (FormatException)
        {
            throw Error(Mapping[key], $"'{key}' of {What} is not valid base64");
        }
    }

    /// <summary>A file path, resolved against the kubeconfig's folder as kubectl does for relative paths.</summary>
    public string? FilePath(string key) => NonEmpty(key) is { } path ? Resolve(path) : null;

    public string Resolve(string path) => Path.IsPathRooted(path) ? path : Path.GetFullPath(Path.Combine(Folder, path));

    /// <summary>A certificate, key or CA file, at most <see cref="ReadLimits.CertificateFileBytes"/>.</summary>
    public byte[] ReadFile(string key, string path)
    {
        byte[]? bytes;
        try
        {
            bytes = ReadLimits.ReadFile(path, ReadLimits.CertificateFileBytes);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw Error(Mapping[key], $"{What} names {key} '{path}', which cannot be read ({ex.GetType().Name.Replace("Exception", string.Empty, StringComparison.Ordinal)})");
        }

        return bytes ?? throw Error(Mapping[key],
            $"{What} names {key} '{path}', which holds more than {ReadLimits.Describe(ReadLimits.CertificateFileBytes)}; PEM certificates and keys are a few KiB");
    }

    public ConfigValues? Child(string key, string childWhat)
    {
        var node = Mapping[key];
        return node switch
        {
            null => null,
            JsonObject obj => new ConfigValues(Document, obj, childWhat),
            _ => throw Error(node, $"'{key}' of {What} must be a mapping"),
        };
    }

    public JsonArray? List(string key) => Mapping[key] switch
    {
        null => null,
        JsonArray array => array,
        var node => throw Error(node, $"'{key}' of {What} must be a list"),
    };

    public KubeConfigException Error(JsonNode? node, string message) => Fail(Document, node ?? Mapping, message);

    public static KubeConfigException Fail(KubeconfigDocument document, JsonNode? node, string message) =>
        new($"{document.SpanOf(node)}: {message}.");
}
