using System.Collections.Immutable;
using PolicyCheck.Core.Model;

namespace PolicyCheck.Core.Engine;

/// <summary>Outside addresses no policy tells apart: the distinct ipBlocks that hold them, and their maximal ranges in address order.</summary>
internal sealed record ExternalGroup(ImmutableArray<int> Blocks, ImmutableArray<IpInterval> Ranges);
