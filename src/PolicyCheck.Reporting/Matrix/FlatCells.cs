using System.Collections.Immutable;
using PolicyCheck.Core.Engine;

namespace PolicyCheck.Reporting.Matrix;

/// <summary>Cells between the shown subjects themselves: position <c>i</c> is <see cref="MatrixReport.Shown"/>[i].</summary>
internal sealed class FlatCells : IMatrixCells
{
    private readonly ImmutableArray<int> _shown;
    private readonly ImmutableArray<int>[] _members;
    private readonly PortQuery? _port;

    public FlatCells(ReachabilityMatrix matrix, ImmutableArray<int> shown, PortQuery? port)
    {
        Matrix = matrix;
        _shown = shown;
        _port = port;
        _members = new ImmutableArray<int>[shown.Length];
        for (var i = 0; i < shown.Length; i++)
            _members[i] = [shown[i]];
    }

    public ReachabilityMatrix Matrix { get; }

    public int Count => _shown.Length;

    public bool Grouped => false;

    public ImmutableArray<int> MembersOf(int position) => _members[position];

    public string IdOf(int position) => Matrix.Subjects[_shown[position]].Id;

    public PortSet Allowed(int from, int to) => Matrix.Allowed(_shown[from], _shown[to]);

    public void AllowedRow(int from, Span<PortSet> into) => Matrix.AllowedRow(_shown[from], _shown.AsSpan(), into);

    public PortSet? Within(int position) => Matrix.BetweenReplicas(_shown[position]);

    public PortSet? BetweenReplicas(int position) => Matrix.BetweenReplicas(_shown[position]);

    public bool IsPortAllowed(int from, int to) => Port.IsAllowed(Matrix, _shown[from], _shown[to]);

    public bool? IsPortAllowedWithin(int position) => Port.IsAllowedBetweenReplicas(Matrix, _shown[position]);

    public bool? IsPortAllowedBetweenReplicas(int position) => IsPortAllowedWithin(position);

    public long SubjectPairs(int from, int to) => from == to ? 0 : 1;

    private PortQuery Port => _port ?? throw new InvalidOperationException("The report has no port query.");
}
