namespace PolicyCheck.Cli.Tests.Fuzz;

/// <summary>One fuzz case: its example, the edits made, and every file as written.</summary>
/// <param name="ExtraCommand">Which extra command runs after matrix (0 lint, 1 explain, 2 list, 3 services), or -1.</param>
internal sealed record FuzzCase(int Seed, int Number, FuzzExample Example, IReadOnlyList<Mutation> Mutations, IReadOnlyList<FuzzCase.Written> Files, int ExtraCommand)
{
    /// <summary>
    /// A file as written: its text, the first and last line of each document, and the documents (as before a
    /// truncation: when <paramref name="Truncated"/>, the last document left is only partly in the text).
    /// </summary>
    internal sealed record Written(string Name, string Text, IReadOnlyList<(int First, int Last)> Ranges, IReadOnlyList<FuzzNode> Documents, bool Truncated);
}
