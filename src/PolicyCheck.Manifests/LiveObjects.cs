using System.Text.Json;
using System.Text.Json.Nodes;

namespace PolicyCheck.Manifests;

/// <summary>
/// How a live object read from the API (a <see cref="JsonObject"/> with <c>apiVersion</c> and <c>kind</c> filled)
/// becomes text for the loader: <c>metadata.managedFields</c> removed, then written as JSON indented by four spaces
/// with the fields in the order the API server sent them. That is how <c>kubectl get KIND NAME -o json</c> prints
/// one object, so the line and column of a diagnostic point into what kubectl shows.
/// </summary>
public static class LiveObjects
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, IndentSize = 4 };

    /// <summary>A copy without <c>metadata.managedFields</c>: server-side-apply bookkeeping, large and never used.</summary>
    public static JsonObject WithoutManagedFields(JsonObject item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var copy = (JsonObject)item.DeepClone();
        if (copy["metadata"] is JsonObject metadata)
            metadata.Remove("managedFields");
        return copy;
    }

    public static string Render(JsonObject item) => WithoutManagedFields(item).ToJsonString(Indented);
}
