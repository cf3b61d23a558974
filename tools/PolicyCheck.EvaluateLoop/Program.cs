using System.Diagnostics;
using System.Globalization;
using PolicyCheck.Core.Engine;
using PolicyCheck.Manifests;

// Loads one manifest folder, evaluates it 5 times to warm the JIT up, then times COUNT evaluations and prints the
// median and the fastest. Only the public Load/Evaluate entry points are used, so older commits build too.
if (args.Length != 2 || !int.TryParse(args[1], CultureInfo.InvariantCulture, out var count) || count < 1)
{
    Console.Error.WriteLine("usage: policycheck-evaluate-loop FOLDER COUNT");
    return 3;
}

var cluster = ManifestLoader.Load([args[0]]).Cluster;
for (var i = 0; i < 5; i++)
    Evaluator.Evaluate(cluster);
var times = new double[count];
for (var i = 0; i < count; i++)
{
    var stopwatch = Stopwatch.StartNew();
    Evaluator.Evaluate(cluster);
    times[i] = stopwatch.Elapsed.TotalMilliseconds;
}

Array.Sort(times);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"evaluate: median {times[count / 2]:F1} ms, fastest {times[0]:F1} ms ({count} runs)"));
return 0;
