namespace PolicyCheck.Kube.Auth;

/// <summary>
/// Checks that a bearer token can go in an <c>Authorization</c> header. HTTP forbids line breaks and other control
/// characters there (a token file with two lines, a pasted token with a CR), and .NET sends only ASCII headers.
/// </summary>
internal static class BearerToken
{
    /// <summary>Why the token cannot be sent (<c>holds a line break</c>), or null when it can. Never shows the token.</summary>
    public static string? Problem(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        foreach (var c in token)
        {
            if (c is '\r' or '\n')
                return "holds a line break, which cannot go in an HTTP header; a token is one line";
            if (c != '\t' && char.IsControl(c))
                return "holds a control character, which cannot go in an HTTP header";
            if (c > '\x7e')
                return "holds a character that is not ASCII, which cannot go in an HTTP header";
        }

        return null;
    }
}
