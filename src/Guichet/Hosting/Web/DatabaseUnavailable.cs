using Guichet.Core.Data;
using Microsoft.AspNetCore.Diagnostics;

namespace Guichet.Hosting.Web;

/// <summary>
/// A request that failed because the database is out of reach for a moment (PostgreSQL restarting,
/// a connection dropped, SQLite busy) answers 503 with Retry-After: a clear "try again", which mail
/// servers, scripts and browsers know how to act on, rather than a 500 that reads like a bug.
/// Nothing was committed, since every write is one transaction.
/// </summary>
public sealed class DatabaseUnavailable(IProblemDetailsService problems, ILogger<DatabaseUnavailable> logger) : IExceptionHandler
{
    public const int RetryAfterSeconds = 5;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var http = httpContext;
        if (!TransientFailure.Is(exception))
        {
            return false;
        }
        logger.LogWarning("{Method} {Path}: the database is out of reach ({Error}); answered 503", http.Request.Method, http.Request.Path, exception.GetType().Name);
        http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        http.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            Exception = exception,
            ProblemDetails = { Status = StatusCodes.Status503ServiceUnavailable, Title = "The database is out of reach for a moment", Detail = $"Nothing was saved. Try again in {RetryAfterSeconds} seconds." },
        });
    }
}
