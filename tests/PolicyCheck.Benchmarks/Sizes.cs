using PolicyCheck.Synth;

namespace PolicyCheck.Benchmarks;

/// <summary>The cluster sizes issue #3 sets targets for, generated once per process into a temporary folder.</summary>
public static class Sizes
{
    public static SynthOptions For(int workloads) => workloads switch
    {
        <= 1_000 => new SynthOptions(workloads, Namespaces: 50, Policies: 300, Seed: 1),
        <= 10_000 => new SynthOptions(workloads, Namespaces: 500, Policies: 2_000, Seed: 1),
        _ => new SynthOptions(workloads, Namespaces: 2_500, Policies: 10_000, Seed: 1),
    };

    public static string Folder(int workloads)
    {
        var options = For(workloads);
        var folder = Path.Combine(Path.GetTempPath(), "policycheck-bench", $"w{options.Workloads}-n{options.Namespaces}-p{options.Policies}-s{options.Seed}");
        if (!Directory.Exists(folder))
        {
            var partial = folder + ".partial";
            if (Directory.Exists(partial))
                Directory.Delete(partial, recursive: true);
            new ClusterGenerator(options).WriteTo(partial);
            Directory.Move(partial, folder);
        }

        return folder;
    }
}
