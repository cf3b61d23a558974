namespace PolicyCheck.Core.Services;

/// <summary>How many of a service port's backends a client reaches.</summary>
public enum ServiceCoverage
{
    All,
    Some,
    None,

    /// <summary>The service has no backends in the model (no selector, ExternalName, or no matching workload).</summary>
    NoEndpoints,
}
