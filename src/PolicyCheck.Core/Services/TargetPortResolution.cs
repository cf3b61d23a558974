namespace PolicyCheck.Core.Services;

/// <summary>
/// A service port's <c>targetPort</c> on one backend: the number kube-proxy sends to, or null with
/// <paramref name="Problem"/> saying why a named targetPort did not resolve there.
/// </summary>
public readonly record struct TargetPortResolution(int? Number, string? Problem)
{
    public bool IsResolved => Number is not null;
}
