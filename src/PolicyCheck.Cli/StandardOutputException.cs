namespace PolicyCheck.Cli;

/// <summary>Standard output could not be written (its reader closed the pipe, or the disk behind it is full).</summary>
public sealed class StandardOutputException : IOException
{
    public StandardOutputException()
    {
    }

    public StandardOutputException(string message)
        : base(message)
    {
    }

    public StandardOutputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public StandardOutputException(IOException innerException)
        : base(innerException?.Message, innerException)
    {
    }
}
