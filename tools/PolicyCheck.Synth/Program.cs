using System.Globalization;
using PolicyCheck.Synth;

// policycheck-synth --out DIR [--workloads N] [--namespaces N] [--policies N] [--seed N] [--pods-per-workload N]
var values = new Dictionary<string, string>(StringComparer.Ordinal);
for (var i = 0; i < args.Length; i++)
{
    if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
    {
        Console.Error.WriteLine($"policycheck-synth: unexpected '{args[i]}'. Usage: policycheck-synth --out DIR [--workloads 1000] [--namespaces 50] [--policies 300] [--seed 1] [--pods-per-workload 0]");
        return 3;
    }

    values[args[i][2..]] = args[++i];
}

int Number(string name, int fallback)
{
    if (!values.TryGetValue(name, out var text))
        return fallback;
    if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        return n;
    throw new FormatException($"--{name} takes a whole number, not '{text}'.");
}

try
{
    if (!values.TryGetValue("out", out var folder))
    {
        Console.Error.WriteLine("policycheck-synth: --out DIR is required.");
        return 3;
    }

    var options = new SynthOptions(Number("workloads", 1000), Number("namespaces", 50), Number("policies", 300), Number("seed", 1), Number("pods-per-workload", 0));
    var files = new ClusterGenerator(options).WriteTo(folder);
    Console.Error.WriteLine($"wrote {files.Count} files to {folder}: {options}");
    return 0;
}
catch (Exception ex) when (ex is FormatException or ArgumentException or IOException)
{
    Console.Error.WriteLine($"policycheck-synth: {ex.Message}");
    return 3;
}
