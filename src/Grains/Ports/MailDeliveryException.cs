namespace ProctorWise.Grains.Ports;

/// <summary>An e-mail could not be handed over (server down, refused, timed out, folder not writable).</summary>
public sealed class MailDeliveryException : Exception
{
    /// <summary>Creates the exception.</summary>
    public MailDeliveryException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public MailDeliveryException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public MailDeliveryException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
