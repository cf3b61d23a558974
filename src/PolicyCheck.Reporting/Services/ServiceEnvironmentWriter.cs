using System.Collections.Immutable;
using PolicyCheck.Core.Model;
using PolicyCheck.Core.Services;
using PolicyCheck.Reporting.Formats;

namespace PolicyCheck.Reporting.Services;

/// <summary>The service variables a workload's pods receive (<c>services --env NS/NAME</c>), as <c>NAME=value</c> lines.</summary>
public static class ServiceEnvironmentWriter
{
    public static void Write(Workload workload, ImmutableArray<ServiceVariable> variables, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(workload);
        ArgumentNullException.ThrowIfNull(output);
        // The workload as the matrix legend names it: its id, then its kind.
        output.WriteLine(TerminalText.Clean($"# Service variables of {workload.Id} ({workload.Kind})"));
        if (!workload.EnableServiceLinks)
            output.WriteLine("# enableServiceLinks: false: the services of its namespace add no variables.");
        else if (variables.IsEmpty)
            output.WriteLine("# No service in its namespace has a cluster IP, so none adds variables.");
        output.WriteLine($"# {ServiceEnvironment.Caveat}");
        if (variables.Any(v => string.IsNullOrEmpty(v.Service.ClusterIp)))
            output.WriteLine($"# {ServiceEnvironment.UnknownClusterIp} stands for a cluster IP the manifests do not give (allocated when the service is created).");
        foreach (var variable in variables)
            output.WriteLine(TerminalText.Clean($"{variable.Name}={variable.Value}"));
    }
}
