using System.Collections.Immutable;

namespace PolicyCheck.Manifests;

/// <summary>What the loader read.</summary>
/// <param name="Files">Inputs read as text: files and standard input.</param>
/// <param name="Documents">YAML documents that hold something (empty documents are not counted).</param>
/// <param name="Objects">
/// Kubernetes objects found, whether loaded, skipped or left out for errors; a <c>List</c> counts as its items.
/// </param>
/// <param name="SkippedKinds">
/// Objects of kinds that do not affect reachability (ConfigMap, custom resources, …) and pods in phase Succeeded or
/// Failed, counted by kind. A custom resource that shares a name with a known kind is keyed <c>Kind.group</c>.
/// </param>
public sealed record LoadStatistics(int Files, int Documents, int Objects, ImmutableSortedDictionary<string, int> SkippedKinds);
