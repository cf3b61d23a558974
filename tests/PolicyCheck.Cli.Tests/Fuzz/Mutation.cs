namespace PolicyCheck.Cli.Tests.Fuzz;

/// <summary>One change the fuzz test made: where (file, document, path in the document) and the value before and after.</summary>
internal sealed record Mutation(string File, int Document, string Path, string Before, string After)
{
    public override string ToString() => $"{File} document {Document + 1}, {(Path.Length == 0 ? "(document)" : Path)}: {Before} → {After}";
}
