namespace PolicyCheck.Kube.Http;

/// <summary>410 Gone on a LIST with a continue token: the token expired and the list must start again.</summary>
internal sealed class ContinueExpiredException : Exception
{
    public ContinueExpiredException()
        : base("The continue token expired (410 Gone).")
    {
    }

    public ContinueExpiredException(string message)
        : base(message)
    {
    }

    public ContinueExpiredException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
