using PolicyCheck.Reporting.Services;

namespace PolicyCheck.Cli.Commands;

/// <summary>Everything <c>policycheck services</c> was asked to do, already parsed.</summary>
public sealed record ServicesRequest : CommandRequest
{
    public ServicesFormat Format { get; init; }

    /// <summary>A workload <c>NS/NAME</c> whose service variables to print instead of the listing.</summary>
    public string? Env { get; init; }

    /// <summary>A service <c>NS/NAME</c> to show in detail instead of the listing.</summary>
    public string? Service { get; init; }
}
