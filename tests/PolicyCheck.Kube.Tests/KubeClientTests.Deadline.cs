using System.Diagnostics;

namespace PolicyCheck.Kube.Tests;

/// <summary>The timeout is one deadline for a request: its attempts, retries and Retry-After waits together.</summary>
public sealed partial class KubeClientTests
{
    [Test]
    public async Task ListAsync_RetryAfterBeyondTheTimeout_FailsAtOnce()
    {
        var (api, folder, path) = await SetUpAsync(b => b.Fail("pods", 429, times: 1, retryAfter: TimeSpan.FromSeconds(5)));
        await using var _ = api;
        using var __ = folder;
        var clock = Stopwatch.StartNew();

        var ex = Assert.ThrowsAsync<KubeApiException>(() => ListPodsAsync(KubeTestBed.Options(path) with { Timeout = TimeSpan.FromSeconds(2) }));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ex.Kind, Is.EqualTo(KubeApiError.Timeout));
            Assert.That(ex.StatusCode, Is.EqualTo(429));
            Assert.That(ex.Message, Does.Contain("429 Too Many Requests").And.Contain("it asked to retry after 5 s (Retry-After), past the request's timeout of 2 s"));
            Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(2)), "it waited instead of failing at once");
            Assert.That(api.Requests, Has.Count.EqualTo(1));
        }
    }

    [Test]
    public async Task ListAsync_RetryAfterWithinTheTimeout_IsHonouredInFull()
    {
        var (api, folder, path) = await SetUpAsync(b => b.Fail("pods", 503, times: 1, retryAfter: TimeSpan.FromSeconds(2)));
        await using var _ = api;
        using var __ = folder;
        var clock = Stopwatch.StartNew();

        var pods = await ListPodsAsync(KubeTestBed.Options(path));

        Assert.That(pods, Has.Count.EqualTo(5));
        Assert.That(clock.Elapsed, Is.GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(1950)));
    }

    [Test]
    public async Task ListAsync_SlowAttemptsAndRetries_ShareOneDeadline()
    {
        // Each attempt takes 0.6 s and the first two get 503: three attempts need 1.8 s, more than the 1 s timeout.
        var (api, folder, path) = await SetUpAsync(b => b.Delay("pods", TimeSpan.FromMilliseconds(600)).Fail("pods", 503, times: 2));
        await using var _ = api;
        using var __ = folder;

        var ex = Assert.ThrowsAsync<KubeApiException>(() => ListPodsAsync(KubeTestBed.Options(path) with { Timeout = TimeSpan.FromSeconds(1) }));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ex.Kind, Is.EqualTo(KubeApiError.Timeout));
            Assert.That(ex.Message, Does.Contain("within 1 s (2 attempts)"));
        }
    }
}
