namespace PolicyCheck.Core.Services;

/// <summary>Where a Service's endpoints come from.</summary>
public enum EndpointsSource
{
    /// <summary>The pods its selector picks in its namespace.</summary>
    Selector,

    /// <summary>No selector: Endpoints/EndpointSlices are managed by hand (or by another controller) and not in the model.</summary>
    Manual,

    /// <summary>An ExternalName service: a DNS alias with no endpoints and no proxying.</summary>
    None,
}
