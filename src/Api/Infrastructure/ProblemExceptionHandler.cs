using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Orleans.Storage;
using ProctorWise.Grains.Interfaces.Errors;

namespace ProctorWise.Api.Infrastructure;

/// <summary>
/// Turns every failure into RFC 7807 problem details: domain refusals from grains keep their status,
/// unreadable bodies become 400 naming the field, an unreachable cluster or database a 503 with
/// Retry-After (logged at Warning: the client retries, an operator may want to know); anything else is a
/// logged 500 that shows no internals.
/// </summary>
internal sealed partial class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            ProctorWiseException domain => FromDomain(domain),
            BadHttpRequestException bad => FromBadRequest(bad),
            _ when TransientFaults.Is(exception) =>
                new ProblemDetails { Status = StatusCodes.Status503ServiceUnavailable, Title = TransientFaults.Title, Detail = TransientFaults.Detail },
            InconsistentStateException =>
                new ProblemDetails { Status = StatusCodes.Status409Conflict, Title = "Conflict.", Detail = "The object changed concurrently; reload and retry." },
            _ => null,
        };

        if (problem is null)
        {
            LogUnhandled(logger, exception, httpContext.Request.Method, httpContext.Request.Path);
            problem = new ProblemDetails { Status = StatusCodes.Status500InternalServerError, Title = "An unexpected error occurred." };
        }

        if (TransientFaults.Is(exception))
        {
            LogTransient(logger, httpContext.Request.Method, httpContext.Request.Path, exception.GetType().Name, exception.Message);
            httpContext.Response.Headers.RetryAfter = TransientFaults.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    private static ProblemDetails FromDomain(ProctorWiseException e) => e.Kind switch
    {
        ErrorKind.Validation => new HttpValidationProblemDetails(e.Errors ?? []) { Status = 400, Title = "One or more validation errors occurred.", Detail = e.Message },
        ErrorKind.NotFound => new ProblemDetails { Status = 404, Title = "Not found.", Detail = e.Message },
        ErrorKind.Forbidden => new ProblemDetails { Status = 403, Title = "Forbidden.", Detail = e.Message },
        ErrorKind.Conflict => new ProblemDetails { Status = 409, Title = "Conflict.", Detail = e.Message },
        ErrorKind.TooManyRequests => new ProblemDetails { Status = 429, Title = "Too many requests.", Detail = e.Message },
        ErrorKind.Unauthorized => new ProblemDetails { Status = 401, Title = "Unauthorized.", Detail = e.Message },
        ErrorKind.Unavailable => new ProblemDetails { Status = 503, Title = "Unavailable on this server.", Detail = e.Message },
        ErrorKind.Transient => new ProblemDetails { Status = 503, Title = TransientFaults.Title, Detail = e.Message },
        _ => new ProblemDetails { Status = 500, Title = "An unexpected error occurred." },
    };

    private static ProblemDetails FromBadRequest(BadHttpRequestException e)
    {
        if (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return new ProblemDetails { Status = 413, Title = "The request body is too large." };
        }

        if (e.InnerException is JsonException json)
        {
            var field = string.IsNullOrEmpty(json.Path) || json.Path == "$" ? "body" : json.Path.TrimStart('$', '.');
            var errors = new Dictionary<string, string[]> { [field] = [BadRequestMessages.ForJson(json)] };
            return new HttpValidationProblemDetails(errors) { Status = 400, Title = "The request body is not valid JSON for this endpoint." };
        }

        // A query value that does not parse ("page=2147483648") names its parameter in the message only.
        if (e.StatusCode == StatusCodes.Status400BadRequest && BindingFailure().Match(e.Message) is { Success: true } bind)
        {
            var parameter = bind.Groups["parameter"].Value;
            var errors = new Dictionary<string, string[]> { [parameter[(parameter.LastIndexOf(' ') + 1)..]] = ["Not a valid value for this parameter."] };
            return new HttpValidationProblemDetails(errors) { Status = 400, Title = "One or more validation errors occurred.", Detail = BadRequestMessages.ForParameter(e.Message) };
        }

        var title = e.StatusCode == StatusCodes.Status415UnsupportedMediaType ? "Unsupported media type." : "Bad request.";
        return new ProblemDetails { Status = e.StatusCode, Title = title, Detail = BadRequestMessages.ForParameter(e.Message) };
    }

    /// <summary>ASP.NET Core's binding messages: <c>Failed to bind parameter "int? page" from "x".</c> (the last word is the name).</summary>
    [GeneratedRegex("^(?:Failed to bind parameter|Required parameter) \"(?<parameter>[^\"]+)\"", RegexOptions.CultureInvariant)]
    private static partial Regex BindingFailure();

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Method} {Path} answered 503, retry later: {Fault}: {Reason}")]
    private static partial void LogTransient(ILogger logger, string method, PathString path, string fault, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled error on {Method} {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string method, PathString path);
}
