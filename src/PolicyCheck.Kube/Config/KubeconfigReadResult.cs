using System.Collections.Immutable;

namespace PolicyCheck.Kube.Config;

/// <summary>A kubeconfig read: the document, or the errors (with spans) that kept it from being read.</summary>
public sealed record KubeconfigReadResult(KubeconfigDocument? Document, ImmutableArray<string> Errors);
