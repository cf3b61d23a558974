namespace PolicyCheck.Manifests.Grouping;

/// <summary>
/// Splits the pods of one controller by the selectors that pick them: pods every selector matches alike stay
/// together, and pods some selector tells apart go to different parts. Only label keys whose value (or presence)
/// differs between the pods can tell them apart, so selectors that look at none of them are skipped; most
/// controllers have no such key and are never split.
/// </summary>
internal static class PodPartition
{
    /// <summary>The parts in order of their first pod, or null when no selector tells the pods apart.</summary>
    /// <param name="selectors">The selectors that pick pods of the controller's namespace, asked for only when some label differs.</param>
    public static List<List<PodEntry>>? Split(IReadOnlyList<PodEntry> pods, Func<IReadOnlyList<PodSelectors.Entry>> selectors)
    {
        if (pods.Count < 2)
            return null;
        var first = pods[0].Labels;
        var varying = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 1; i < pods.Count; i++)
        {
            var labels = pods[i].Labels;
            if (ReferenceEquals(labels, first))
                continue;
            foreach (var (key, value) in labels)
            {
                if (!first.TryGetValue(key, out var firstValue) || !string.Equals(firstValue, value, StringComparison.Ordinal))
                    varying.Add(key);
            }

            foreach (var key in first.Keys)
            {
                if (!labels.ContainsKey(key))
                    varying.Add(key);
            }
        }

        if (varying.Count == 0)
            return null;
        var telling = selectors().Where(s => s.Keys.Any(varying.Contains)).ToList();
        if (telling.Count == 0)
            return null;

        var parts = new Dictionary<string, List<PodEntry>>(StringComparer.Ordinal);
        var order = new List<List<PodEntry>>();
        var signature = new char[telling.Count];
        foreach (var pod in pods)
        {
            for (var s = 0; s < telling.Count; s++)
                signature[s] = telling[s].Matches(pod.Labels) ? '1' : '0';
            var key = new string(signature);
            if (!parts.TryGetValue(key, out var part))
            {
                parts[key] = part = [];
                order.Add(part);
            }

            part.Add(pod);
        }

        return order.Count > 1 ? order : null;
    }
}
