namespace PolicyCheck.Manifests;

/// <summary>How manifests are read.</summary>
/// <param name="DefaultNamespace">
/// The namespace of objects that name none in <c>metadata.namespace</c>, as <c>kubectl --namespace</c> would apply
/// them.
/// </param>
/// <param name="MaxInputBytes">
/// The most bytes read from one file or from standard input (characters, for a reader given in place of standard
/// input). The bound is applied while reading, so pipes and devices, whose size the file system does not know, stop
/// there too; a larger input is refused with an error.
/// </param>
public sealed record LoadOptions(string DefaultNamespace = "default", long MaxInputBytes = LoadOptions.DefaultMaxInputBytes)
{
    /// <summary>256 MiB: far above any manifest set, far below what would exhaust memory.</summary>
    public const long DefaultMaxInputBytes = 256L * 1024 * 1024;

    public static LoadOptions Default { get; } = new();

    /// <summary>The operators whose custom resources become the workloads they create (docs/operators.md).</summary>
    public Operators.OperatorCatalog Operators { get; init; } = PolicyCheck.Manifests.Operators.OperatorCatalog.Shipped;
}
