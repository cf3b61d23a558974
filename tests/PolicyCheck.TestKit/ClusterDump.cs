using System.Collections.Immutable;
using System.Text;
using PolicyCheck.Core.Model;
using PolicyCheck.Core.Selectors;

namespace PolicyCheck.TestKit;

/// <summary>
/// Writes a cluster as Kubernetes-shaped YAML for failure messages, keeping absent and empty apart (an absent list
/// is not written, an empty one is written <c>[]</c>). Pod IPs and pod names, which manifests do not carry, are
/// written as comments.
/// </summary>
public static class ClusterDump
{
    public static string ToYaml(Cluster cluster)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        var text = new StringBuilder();
        foreach (var ns in cluster.Namespaces)
        {
            text.AppendLine("---").AppendLine("kind: Namespace");
            text.Append("metadata: {name: ").Append(ns.Name).Append(", labels: ").Append(Map(ns.Labels)).AppendLine("}");
        }

        foreach (var w in cluster.Workloads)
        {
            text.AppendLine("---").Append("kind: ").AppendLine(w.Kind.ToString());
            text.Append("metadata: {namespace: ").Append(w.Namespace).Append(", name: ").Append(w.Name).AppendLine("}");
            text.Append("# replicas: ").Append(w.Replicas);
            if (!w.PodNames.IsDefaultOrEmpty)
                text.Append(", podNames: [").AppendJoin(", ", w.PodNames).Append(']');
            if (!w.PodIps.IsDefaultOrEmpty)
                text.Append(", podIPs: [").AppendJoin(", ", w.PodIps).Append(']');
            text.AppendLine();
            text.Append("template: {labels: ").Append(Map(w.Labels));
            if (w.HostNetwork)
                text.Append(", hostNetwork: true");
            text.Append(", ports: [");
            text.AppendJoin(", ", w.Ports.Select(p =>
                $"{{{(p.Name is null ? string.Empty : $"name: {p.Name}, ")}containerPort: {p.Number}, protocol: {p.Protocol.ToApiString()}}}"));
            text.AppendLine("]}");
        }

        foreach (var policy in cluster.Policies)
        {
            text.AppendLine("---").AppendLine("kind: NetworkPolicy");
            text.Append("metadata: {namespace: ").Append(policy.Namespace).Append(", name: ").Append(policy.Name).AppendLine("}");
            text.AppendLine("spec:");
            text.Append("  podSelector: ").AppendLine(Selector(policy.PodSelector));
            if (policy.PolicyTypes is { } types)
                text.Append("  policyTypes: [").AppendJoin(", ", types).AppendLine("]");
            Rules(text, "ingress", "from", policy.Ingress);
            Rules(text, "egress", "to", policy.Egress);
        }

        return text.ToString();
    }

    private static void Rules(StringBuilder text, string section, string peers, ImmutableArray<PolicyRule>? rules)
    {
        if (rules is not { } list)
            return;
        if (list.IsEmpty)
        {
            text.Append("  ").Append(section).AppendLine(": []");
            return;
        }

        text.Append("  ").Append(section).AppendLine(":");
        foreach (var rule in list)
        {
            var prefix = "  - ";
            if (rule.Peers is null && rule.Ports is null)
                text.Append(prefix).AppendLine("{}");
            if (rule.Peers is { } peerList)
            {
                text.Append(prefix).Append(peers).Append(": [").AppendJoin(", ", peerList.Select(Peer)).AppendLine("]");
                prefix = "    ";
            }

            if (rule.Ports is { } portList)
                text.Append(prefix).Append("ports: [").AppendJoin(", ", portList.Select(Port)).AppendLine("]");
        }
    }

    private static string Peer(PolicyPeer peer)
    {
        var parts = new List<string>();
        if (peer.PodSelector is { } pods)
            parts.Add("podSelector: " + Selector(pods));
        if (peer.NamespaceSelector is { } namespaces)
            parts.Add("namespaceSelector: " + Selector(namespaces));
        if (peer.IpBlock is { } block)
        {
            var except = block.Except.IsDefaultOrEmpty ? string.Empty : $", except: [{string.Join(", ", block.Except)}]";
            parts.Add($"ipBlock: {{cidr: {block.Cidr}{except}}}");
        }

        return "{" + string.Join(", ", parts) + "}";
    }

    private static string Port(PolicyPort port)
    {
        var parts = new List<string>();
        if (port.Protocol is { } protocol)
            parts.Add("protocol: " + protocol.ToApiString());
        if (port.Port is { } value)
            parts.Add("port: " + (value.IsNamed ? Quote(value.Name!) : value.ToString()));
        if (port.EndPort is { } end)
            parts.Add("endPort: " + end);
        return "{" + string.Join(", ", parts) + "}";
    }

    private static string Selector(LabelSelector selector)
    {
        var parts = new List<string>();
        if (selector.MatchLabels.Count > 0)
            parts.Add("matchLabels: " + Map(selector.MatchLabels));
        if (!selector.MatchExpressions.IsDefaultOrEmpty)
        {
            parts.Add("matchExpressions: [" + string.Join(", ", selector.MatchExpressions.Select(e =>
                $"{{key: {Quote(e.Key)}, operator: {e.Operator}" +
                (e.Values.IsDefaultOrEmpty ? string.Empty : $", values: [{string.Join(", ", e.Values.Select(Quote))}]") + "}")) + "]");
        }

        return "{" + string.Join(", ", parts) + "}";
    }

    private static string Map(ImmutableSortedDictionary<string, string> labels) =>
        "{" + string.Join(", ", labels.Select(p => $"{Quote(p.Key)}: {Quote(p.Value)}")) + "}";

    private static string Quote(string text) => "\"" + text.Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
