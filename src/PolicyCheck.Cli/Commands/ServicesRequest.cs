using System.Collections.Immutable;
using PolicyCheck.Core.Engine;
using PolicyCheck.Reporting.Services;

namespace PolicyCheck.Cli.Commands;

/// <summary>Everything <c>policycheck services</c> was asked to do, already parsed.</summary>
/// <param name="Env">A workload <c>NS/NAME</c> whose service variables to print instead of the listing.</param>
/// <param name="Service">A service <c>NS/NAME</c> to show in detail instead of the listing.</param>
public sealed record ServicesRequest(
    ImmutableArray<string> Paths,
    ServicesFormat Format,
    string? Namespace,
    string? Env,
    string? Service,
    string? OutputPath,
    IpBlockPodMatching IpBlockPods,
    bool Quiet,
    bool Verbose);
