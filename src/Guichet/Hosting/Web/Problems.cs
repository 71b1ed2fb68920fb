using Guichet.Core;

namespace Guichet.Hosting.Web;

/// <summary>The one place where failures become RFC 9457 problem+json (CONVENTIONS habit 6).</summary>
public static class Problems
{
    public static IResult From(Failure failure)
    {
        var status = failure.Kind switch
        {
            FailureKind.Invalid => StatusCodes.Status400BadRequest,
            FailureKind.NotFound => StatusCodes.Status404NotFound,
            FailureKind.Conflict => StatusCodes.Status409Conflict,
            FailureKind.Forbidden => StatusCodes.Status403Forbidden,
            FailureKind.Refused => StatusCodes.Status422UnprocessableEntity,
        };
        return Field(status, failure.Title, failure.Errors);
    }

    public static IResult Field(int status, string title, IReadOnlyDictionary<string, string[]> errors) =>
        TypedResults.Problem(new HttpValidationProblemDetails(errors.ToDictionary(e => e.Key, e => e.Value))
        {
            Status = status,
            Title = title,
            Detail = string.Join(" ", errors.SelectMany(e => e.Value.Select(m => $"{e.Key}: {m}"))),
        });

    public static IResult Field(int status, string title, string field, string message) =>
        Field(status, title, new Dictionary<string, string[]> { [field] = [message] });

    public static IResult Ok<T>(Result<T> result, Func<T, IResult> onSuccess) =>
        result.Succeeded ? onSuccess(result.Value) : From(result.Failure!);
}
