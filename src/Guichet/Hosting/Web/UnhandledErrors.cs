using System.Collections.Concurrent;
using Microsoft.AspNetCore.Diagnostics;

namespace Guichet.Hosting.Web;

/// <summary>
/// Every request that ended in an unhandled exception (a 500), kept in memory for whoever watches
/// the node: the test servers fail their test class when any request left one (issue 21: a request
/// never answers 500 for bad input). Bad requests (400, 413) and the database out of reach (503)
/// are not errors of Guichet's and are not counted.
/// </summary>
public sealed class UnhandledErrors : IExceptionHandler
{
    private const int Kept = 100;
    private readonly ConcurrentQueue<string> _seen = new();

    public IReadOnlyList<string> Seen => [.. _seen];

    public ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException)
        {
            _seen.Enqueue($"{httpContext.Request.Method} {httpContext.Request.Path}: {exception.GetType().Name}: {exception.Message}");
            while (_seen.Count > Kept && _seen.TryDequeue(out _))
            {
            }
        }
        // Only noted: the framework still answers the problem (500) and logs it.
        return ValueTask.FromResult(false);
    }
}
