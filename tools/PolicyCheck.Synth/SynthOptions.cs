namespace PolicyCheck.Synth;

/// <summary>Sizes and seed of a synthetic cluster. The same options always give the same files.</summary>
/// <param name="PodsPerWorkload">0 writes workloads only (like a Git repo); N also writes N live-like pods per workload
/// (with ownerReferences, pod-template-hash and pod IPs), like <c>kubectl get -o yaml</c> of a running cluster.</param>
public sealed record SynthOptions(int Workloads = 1000, int Namespaces = 50, int Policies = 300, int Seed = 1, int PodsPerWorkload = 0);
