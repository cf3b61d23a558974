namespace PolicyCheck.Core.Engine;

/// <summary>How far a long piece of work has come; reported through <see cref="IProgress{T}"/>.</summary>
public readonly record struct AnalysisProgress(string Stage, long Done, long Total);
