namespace PolicyCheck.TestKit.FakeKubeApi;

/// <summary>A failure injected for requests to one resource (plural), for the first <paramref name="times"/> matching requests.</summary>
internal sealed class FakeKubeFault(string plural, int status, int times, TimeSpan? retryAfter, bool onlyWithContinue)
{
    private int _remaining = times;

    public string Plural { get; } = plural;

    public int Status { get; } = status;

    public TimeSpan? RetryAfter { get; } = retryAfter;

    public bool OnlyWithContinue { get; } = onlyWithContinue;

    public bool TryTake() => Interlocked.Decrement(ref _remaining) >= 0;
}
