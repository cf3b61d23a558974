using System.Text.Json.Nodes;
using PolicyCheck.Core.Engine;
using PolicyCheck.Core.Model;
using PolicyCheck.Manifests.Input;

namespace PolicyCheck.Manifests;

/// <summary>
/// Loads Kubernetes manifests (YAML or JSON, single objects, multi-document files, <c>List</c>s as kubectl prints
/// them) into a <see cref="Core.Model.Cluster"/>. Bad input never throws: it becomes a diagnostic, the object it
/// spoils is left out, and everything else still loads.
/// </summary>
public static class ManifestLoader
{
    public const string ProgressStage = "Loading manifests";

    /// <summary>
    /// Loads files, folders (recursively: <c>*.yaml</c>, <c>*.yml</c>, <c>*.json</c> in ordinal order of their paths,
    /// skipping dot-folders such as <c>.git</c>) and <c>-</c> for standard input. A missing path is an error
    /// diagnostic. Progress is reported once per file read.
    /// </summary>
    /// <param name="stdin">What <c>-</c> reads; <see cref="Console.In"/> when null.</param>
    public static LoadResult Load(
        IReadOnlyList<string> inputs,
        LoadOptions? options = null,
        TextReader? stdin = null,
        IProgress<AnalysisProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        options ??= LoadOptions.Default;
        var run = new LoadRun(options, cancellationToken);
        var sources = InputReader.Expand(inputs, run.Diagnostics);
        for (var i = 0; i < sources.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (InputReader.Read(sources[i], stdin, run.Diagnostics, options.MaxInputBytes) is { } text)
                run.Load(text, sources[i].DisplayPath);
            progress?.Report(new AnalysisProgress(ProgressStage, i + 1, sources.Count));
        }

        return run.Complete();
    }

    /// <summary>Loads one text (YAML or JSON) as if read from <paramref name="path"/>, which spans and messages name.</summary>
    public static LoadResult LoadText(string text, string path, LoadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(path);
        var run = new LoadRun(options ?? LoadOptions.Default, CancellationToken.None);
        if (InputReader.CheckText(text, path, run.Diagnostics) is { } checkedText)
            run.Load(checkedText, path);
        return run.Complete();
    }

    /// <summary>
    /// Loads objects read from a cluster's API, as one input. Each object is checked and modelled exactly like a
    /// manifest; its spans name <see cref="LiveLocation.Of(string, JsonObject)"/> as their path, with lines and
    /// columns in the object's JSON as <see cref="LiveObjects.Render"/> writes it (as <c>kubectl get -o json</c> does).
    /// </summary>
    /// <param name="context">The kubeconfig context (or <c>in-cluster</c>) the objects were read through.</param>
    public static LoadResult LoadLive(
        string context,
        IReadOnlyList<JsonObject> objects,
        LoadOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(objects);
        var run = new LoadRun(options ?? LoadOptions.Default, cancellationToken);
        run.CountInput();
        foreach (var item in objects)
        {
            cancellationToken.ThrowIfCancellationRequested();
            run.Load(LiveObjects.Render(item), LiveLocation.Of(context, item), countsAsFile: false);
        }

        return run.Complete();
    }
}
