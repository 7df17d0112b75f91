namespace PopCulture.Cli.Remote;

/// <summary>A request to the CMS that failed; the message says why and <see cref="Url"/> names the request.</summary>
internal sealed class RemoteSourceException : Exception
{
    public RemoteSourceException()
    {
        Url = "";
    }

    public RemoteSourceException(string message)
        : base(message)
    {
        Url = "";
    }

    public RemoteSourceException(string message, Exception innerException)
        : base(message, innerException)
    {
        Url = "";
    }

    public RemoteSourceException(string url, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Url = url;
    }

    /// <summary>The absolute URL of the failed request (never with credentials: the token travels in a header).</summary>
    public string Url { get; }
}
