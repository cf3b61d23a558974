using System.Collections.Immutable;

namespace PolicyCheck.Kube.Auth;

/// <summary>A kubeconfig user's <c>exec</c> section (client.authentication.k8s.io v1 or v1beta1).</summary>
internal sealed record ExecPluginConfig(
    string ApiVersion,
    string Command,
    ImmutableArray<string> Arguments,
    ImmutableArray<KeyValuePair<string, string>> Environment,
    string? InstallHint,
    bool ProvideClusterInfo,
    string Where);
