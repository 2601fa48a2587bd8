namespace ProctorWise.Grains.Ports;

/// <summary>
/// An analytics request named something that does not exist or asked for an impossible page: the API answers it as a
/// 400 problem naming <see cref="Field"/>.
/// </summary>
public sealed class InvalidAnalyticsRequestException : ArgumentException
{
    /// <summary>Creates the exception for <paramref name="field"/> (the request field, camelCase: <c>job</c>, <c>period</c>, <c>sortBy</c>…).</summary>
    public InvalidAnalyticsRequestException(string field, string message)
        : base(message, field)
    {
        Field = field;
    }

    /// <summary>Creates the exception without a field.</summary>
    public InvalidAnalyticsRequestException()
    {
        Field = string.Empty;
    }

    /// <summary>Creates the exception without a field.</summary>
    public InvalidAnalyticsRequestException(string message)
        : base(message)
    {
        Field = string.Empty;
    }

    /// <summary>Creates the exception without a field.</summary>
    public InvalidAnalyticsRequestException(string message, Exception innerException)
        : base(message, innerException)
    {
        Field = string.Empty;
    }

    /// <summary>The request field at fault.</summary>
    public string Field { get; }
}
