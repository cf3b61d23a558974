namespace PolicyCheck.Cli.Tests;

/// <summary>audit --timeout: the message states the range the check applies.</summary>
[Parallelizable(ParallelScope.Fixtures)]
public sealed class AuditTimeoutOptionTests
{
    [TestCase("0")]
    [TestCase("-1")]
    [TestCase("3601")]
    [TestCase("soon")]
    public async Task AuditTimeout_OutOfRange_SaysTheRangeItChecks(string value)
    {
        var result = await CliRunner.RunAsync("audit", "--timeout", value, "matrix");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.EqualTo((int)ExitCode.UsageError));
            Assert.That(result.Error, Does.Contain($"'{value}' is not a timeout; give seconds more than 0 and at most 3600, e.g. 30 or 2.5."));
            Assert.That(result.Output, Is.Empty);
        }
    }
}
