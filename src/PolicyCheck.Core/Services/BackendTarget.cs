using PolicyCheck.Core.Model;

namespace PolicyCheck.Core.Services;

/// <summary>Where one service port goes on one backend.</summary>
public sealed record BackendTarget(Workload Backend, TargetPortResolution Target);
