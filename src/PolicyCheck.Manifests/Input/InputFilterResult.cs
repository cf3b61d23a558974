using System.Collections.Immutable;

namespace PolicyCheck.Manifests.Input;

/// <summary>What <see cref="InputFilter.Apply"/> left to load, and the inputs named on the command line it dropped entirely.</summary>
public sealed record InputFilterResult(ImmutableArray<string> Paths, ImmutableArray<InputFilterNote> Notes);
