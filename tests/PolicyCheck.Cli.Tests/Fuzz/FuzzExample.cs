using PolicyCheck.Core.Diagnostics;
using PolicyCheck.TestKit;
using PolicyCheck.Yaml;

namespace PolicyCheck.Cli.Tests.Fuzz;

/// <summary>One bundled example folder, its manifests read into editable documents.</summary>
internal sealed record FuzzExample(string Name, IReadOnlyList<FuzzExample.File> Files)
{
    /// <summary>A manifest file: its name inside the folder and its documents.</summary>
    internal sealed record File(string Name, IReadOnlyList<FuzzNode> Documents);

    /// <summary>Every <c>examples/*/</c> folder with manifests, in ordinal order, files too.</summary>
    public static IReadOnlyList<FuzzExample> All()
    {
        var examples = new List<FuzzExample>();
        foreach (var folder in Directory.GetDirectories(Path.Combine(Snapshot.RepositoryRoot(), "examples")).Order(StringComparer.Ordinal))
        {
            var files = Directory.GetFiles(folder)
                .Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".yml", StringComparison.Ordinal) || f.EndsWith(".json", StringComparison.Ordinal))
                .Order(StringComparer.Ordinal)
                .Select(Read)
                .ToList();
            if (files.Count > 0)
                examples.Add(new FuzzExample(Path.GetFileName(folder), files));
        }

        return examples;
    }

    private static File Read(string path)
    {
        var diagnostics = new List<Diagnostic>();
        var documents = new List<FuzzNode>();
        new YamlDocumentReader(path, diagnostics).Read(System.IO.File.ReadAllText(path), d => documents.Add(FuzzNode.From(d.Root)), CancellationToken.None);
        if (diagnostics.Count > 0)
            throw new InvalidOperationException($"A bundled example does not read cleanly: {string.Join("; ", diagnostics)}");
        return new File(Path.GetFileName(path), documents);
    }
}
