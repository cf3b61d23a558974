namespace PolicyCheck.TestKit.FakeKubeApi;

/// <summary>One request the fake API server answered: method, path with query, status, and the user it
/// authenticated (null when none). Credentials themselves are not recorded.</summary>
public sealed record FakeKubeRequest(string Method, string PathAndQuery, int Status, string? User)
{
    public string Path => PathAndQuery.Split('?')[0];

    public bool HasContinue => PathAndQuery.Contains("continue=", StringComparison.Ordinal);
}
