using System.Security.Claims;
using System.Security.Cryptography;
using Guichet.Core.Agents;
using Guichet.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Hosting.Web;

/// <summary>
/// Idempotency-Key on every API POST (issue 25), for the integrator whose connection dropped after
/// sending: the same caller's same key within 24 hours gets the first answer again (with
/// Idempotent-Replayed: true) and nothing is done twice; the same key with another request is
/// refused (422); a second copy while the first still runs waits its turn elsewhere (409). Kept in
/// the database, so any node of several answers the retry. An answer the client should retry
/// anyway (5xx, 429) is forgotten, so the retry runs.
/// </summary>
public static class IdempotentPosts
{
    public const string Header = "Idempotency-Key";
    private const int MaxStoredBody = 4 * 1024 * 1024;

    public static IApplicationBuilder UseIdempotentPosts(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (!HttpMethods.IsPost(http.Request.Method) || !http.Request.Path.StartsWithSegments("/api")
            || !http.Request.Headers.TryGetValue(Header, out var values)
            || http.User.FindFirstValue(ClaimTypes.NameIdentifier) is not { } agent)
        {
            await next(http);
            return;
        }
        var key = values.ToString();
        if (key.Length is 0 or > IdempotentRequest.MaxKeyLength || key.Any(c => c is < '!' or > '~'))
        {
            await Problems.Field(StatusCodes.Status400BadRequest, "Invalid Idempotency-Key", Header,
                $"Give 1 to {IdempotentRequest.MaxKeyLength} visible ASCII characters, one value (a UUID is usual).").ExecuteAsync(http);
            return;
        }
        await RunOnceAsync(http, next, "agent:" + agent, key);
    });

    private static async Task RunOnceAsync(HttpContext http, RequestDelegate next, string caller, string key)
    {
        var db = http.RequestServices.GetRequiredService<GuichetDb>();
        var clock = http.RequestServices.GetRequiredService<TimeProvider>();
        var ct = http.RequestAborted;
        var fingerprint = await FingerprintAsync(http.Request, ct);
        var now = clock.GetUtcNow();
        if (Random.Shared.Next(256) == 0)
        {
            var old = now - IdempotentRequest.Kept;
            await db.IdempotentRequests.Where(r => r.CreatedAt < old).ExecuteDeleteAsync(ct);
        }
        var earlier = await db.IdempotentRequests.AsNoTracking().FirstOrDefaultAsync(r => r.Caller == caller && r.Key == key, ct);
        if (earlier is not null && earlier.CreatedAt < now - IdempotentRequest.Kept)
        {
            await db.IdempotentRequests.Where(r => r.Id == earlier.Id).ExecuteDeleteAsync(ct);
            earlier = null;
        }
        if (earlier is null)
        {
            var row = new IdempotentRequest { Caller = caller, Key = key, Fingerprint = fingerprint, CreatedAt = now };
            db.IdempotentRequests.Add(row);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException e) when (UniqueViolation.Is(e))
            {
                // Another node took the key between the read and the write: the second copy waits its turn.
                db.Entry(row).State = EntityState.Detached;
                await Refuse(http, StatusCodes.Status409Conflict, "The request with this Idempotency-Key is still running; send it again in a moment.");
                return;
            }
            db.Entry(row).State = EntityState.Detached;
            await RunAndKeepAsync(http, next, db, row.Id);
            return;
        }
        if (earlier.Fingerprint != fingerprint)
        {
            await Refuse(http, StatusCodes.Status422UnprocessableEntity, "This Idempotency-Key was sent with another request (method, path or body); use a new key for a new request.");
            return;
        }
        if (earlier.Status is not { } status)
        {
            await Refuse(http, StatusCodes.Status409Conflict, "The request with this Idempotency-Key is still running; send it again in a moment.");
            return;
        }
        http.Response.StatusCode = status;
        http.Response.Headers["Idempotent-Replayed"] = "true";
        if (earlier.Location is { } location)
        {
            http.Response.Headers.Location = location;
        }
        if (earlier.ContentType is { } type)
        {
            http.Response.ContentType = type;
        }
        if (earlier.Body is { Length: > 0 } body)
        {
            await http.Response.Body.WriteAsync(body, ct);
        }
    }

    private static async Task RunAndKeepAsync(HttpContext http, RequestDelegate next, GuichetDb db, long id)
    {
        var original = http.Response.Body;
        using var copy = new MemoryStream();
        http.Response.Body = copy;
        var kept = false;
        try
        {
            await next(http);
            var status = http.Response.StatusCode;
            if (status < 500 && status != StatusCodes.Status429TooManyRequests && copy.Length <= MaxStoredBody)
            {
                var body = copy.ToArray();
                var type = http.Response.ContentType;
                var location = http.Response.Headers.Location.ToString();
                // CancellationToken.None: the answer ran; remembering it must not depend on the client staying.
                await db.IdempotentRequests.Where(r => r.Id == id).ExecuteUpdateAsync(u => u
                    .SetProperty(r => r.Status, status)
                    .SetProperty(r => r.ContentType, type)
                    .SetProperty(r => r.Location, location.Length == 0 ? null : location)
                    .SetProperty(r => r.Body, body), CancellationToken.None);
                kept = true;
            }
        }
        finally
        {
            if (!kept)
            {
                await db.IdempotentRequests.Where(r => r.Id == id).ExecuteDeleteAsync(CancellationToken.None);
            }
            http.Response.Body = original;
        }
        copy.Position = 0;
        await copy.CopyToAsync(original, http.RequestAborted);
    }

    private static async Task<string> FingerprintAsync(HttpRequest request, CancellationToken ct)
    {
        request.EnableBuffering();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(System.Text.Encoding.UTF8.GetBytes($"{request.Method} {request.Path}{request.QueryString}\n"));
        var buffer = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(buffer, ct)) > 0)
        {
            hash.AppendData(buffer, 0, read);
        }
        request.Body.Position = 0;
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static Task Refuse(HttpContext http, int status, string reason) =>
        Problems.Field(status, status == StatusCodes.Status409Conflict ? "Request still running" : "Idempotency-Key reused", Header, reason).ExecuteAsync(http);
}
