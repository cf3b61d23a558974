namespace PolicyCheck.Core.Engine;

public sealed record EvaluationOptions(IpBlockPodMatching IpBlockPods = IpBlockPodMatching.Match)
{
    public static EvaluationOptions Default { get; } = new();
}
