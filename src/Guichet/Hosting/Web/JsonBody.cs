using Guichet.Core;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Guichet.Hosting.Web;

/// <summary>
/// Reads a JSON body so that every failure names its field: a wrong type names its JSON path,
/// an oversized body is 413 under "body", a missing body says so. Nothing is written on failure
/// because operations only run after this succeeds.
/// </summary>
public static class JsonBody
{
    /// <summary>Largest JSON body the API accepts; a case body alone is limited to 100,000 characters.</summary>
    public const long MaxBytes = 1024 * 1024;

    public static async Task<(T? Value, IResult? Problem)> ReadAsync<T>(HttpContext http) where T : class
    {
        var request = http.Request;
        if (request.ContentLength > MaxBytes)
        {
            return (null, TooLarge());
        }
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxBytes;
        }
        if (!request.HasJsonContentType())
        {
            return (null, Problems.Field(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type", "body", "Send the body as application/json."));
        }
        var options = http.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        try
        {
            var value = await JsonSerializer.DeserializeAsync<T>(request.Body, options, http.RequestAborted);
            return value is null
                ? (null, Problems.Field(StatusCodes.Status400BadRequest, "Invalid request", "body", "The body is empty; send a JSON object."))
                : (value, null);
        }
        catch (JsonException e)
        {
            var field = FieldName(e.Path);
            return (null, Problems.Field(StatusCodes.Status400BadRequest, "Invalid request", field, $"This is not valid here: {Sentence(e)}"));
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, TooLarge());
        }
    }

    /// <summary>Reads the body, runs the operation on it, and answers its result or the problem naming the field.</summary>
    public static async Task<IResult> RunAsync<TRequest, TResult>(HttpContext http, Func<TRequest, Task<Result<TResult>>> run, Func<TResult, IResult> ok)
        where TRequest : class
    {
        var (request, problem) = await ReadAsync<TRequest>(http);
        return problem ?? Problems.Ok(await run(request!), ok);
    }

    private static IResult TooLarge() => Problems.Field(
        StatusCodes.Status413PayloadTooLarge, "Request too large", "body", $"The request body is larger than {MaxBytes / 1024} KB.");

    // "$.customer.email" → "customer.email"; "$" or nothing → "body".
    private static string FieldName(string? path)
    {
        var field = (path ?? "").TrimStart('$').TrimStart('.');
        return field.Length == 0 ? "body" : field;
    }

    private static string Sentence(JsonException e)
    {
        // The serializer's message repeats the path and .NET type names; keep its first sentence.
        var message = e.Message;
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
