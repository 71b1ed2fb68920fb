using Guichet.Features.Permissions;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Guichet.Hosting.Web;
using Guichet.Core.Cases;
using Guichet.Core.Data;
using Guichet.Core.Social;
using Guichet.Hosting;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Guichet.Features.Social;

/// <summary>
/// `POST /api/channels/social/{platform}/events`: a platform adapter posts comments and private
/// messages, signed with the platform's secret (`X-Guichet-Signature: sha256=` + the hex HMAC-SHA256
/// of the raw body; secret from GUICHET_SOCIAL_SECRET_{PLATFORM}). No bearer token: the signature is
/// the authentication. Unsigned or forged requests get 401 and nothing is stored or parsed.
/// </summary>
public static class SocialEndpoints
{
    private static readonly Hosting.Web.Keyset<Core.Social.SocialPost> Newest = new("social.newest", (p => p.Id, true));

    public const string SignatureHeader = "X-Guichet-Signature";
    private const int MaxBody = 256 * 1024;

    public sealed record PublicReplyDraft(string Body);

    public sealed record PostDto(long Id, string Platform, string EventId, string Kind, string Author, string Text, string? Url, DateTimeOffset PostedAt, string Class, string Rule, string? HiddenBecause, long? CaseId, long? MessageId, bool Duplicate)
    {
        public static PostDto From(SocialPost p, bool duplicate = false) =>
            new(p.Id, p.Platform, p.EventId, p.Kind.ToWire(), p.AuthorHandle, p.Text, p.Url, p.PostedAt, p.Class.ToWire(), p.Rule, p.HiddenBecause, p.CaseId, p.MessageId, duplicate);
    }

    public static RouteGroupBuilder MapSocial(this RouteGroupBuilder api)
    {
        api.MapPost("/channels/social/{platform}/events", async (string platform, HttpContext http, ServeOptions options, ReceiveSocialEvent receive, IOptions<JsonOptions> json, TimeProvider clock) =>
        {
            platform = platform.ToLowerInvariant();
            if (!options.SocialSecrets.TryGetValue(platform, out var secret))
            {
                return Problems.Field(StatusCodes.Status404NotFound, "Not found", "platform", $"No social channel '{platform}' is configured (GUICHET_SOCIAL_SECRET_{platform.ToUpperInvariant()}).");
            }
            if (http.Request.ContentLength > MaxBody)
            {
                return Problems.Field(StatusCodes.Status413PayloadTooLarge, "Too large", "body", $"An event is at most {MaxBody / 1024} KB.");
            }
            using var buffer = new MemoryStream();
            await http.Request.Body.CopyToAsync(buffer, http.RequestAborted);
            var body = buffer.ToArray();
            if (WebhookSignature.Check(http.Request.Headers[SignatureHeader].ToString(), secret, body, clock.GetUtcNow()) is { } wrong)
            {
                return Problems.Field(StatusCodes.Status401Unauthorized, "Unauthorized", "signature", $"{SignatureHeader}: {wrong}");
            }
            SocialEvent? ev;
            try
            {
                ev = JsonSerializer.Deserialize<SocialEvent>(body, json.Value.SerializerOptions);
            }
            catch (JsonException e)
            {
                return Problems.Field(StatusCodes.Status400BadRequest, "Invalid request", string.IsNullOrEmpty(e.Path) || e.Path == "$" ? "body" : e.Path.TrimStart('$', '.'), "This is not the documented JSON event.");
            }
            var result = await receive.RunAsync(platform, ev, http.RequestAborted);
            if (!result.Succeeded)
            {
                return Problems.From(result.Failure!);
            }
            var dto = PostDto.From(result.Value.Post, result.Value.Duplicate);
            return result.Value.Duplicate ? Results.Ok(dto) : Results.Created($"/api/channels/social/posts/{dto.Id}", dto);
        })
        .AllowAnonymous()
        .Accepts<SocialEvent>("application/json")
        .WithTags("Social")
        .RequireRateLimiting(Hosting.Web.RateLimits.Webhooks)
        .Produces<PostDto>(StatusCodes.Status201Created)
        .Produces<PostDto>()
        .WithSummary("A platform adapter reports a public comment or a private message, signed with the channel's secret; stored once per eventId.")
            .NamesInBody("eventId", "the platform's own id of the event")
            .NamesInBody("postId", "the platform's own id of the post");

        api.MapGet("/channels/social/posts", async (HttpContext http, GuichetDb db) =>
        {
            var query = new QueryParams(http.Request);
            var classText = query.Text("class");
            SocialClass wanted = default;
            if (classText is not null && !WireNames.TryParseWire(classText, out wanted))
            {
                query.Errors.Add("class", "Use complaint, question, opinion or insultOrSpam.");
            }
            var (page, pageSize) = query.Paging();
            var after = Newest.Read(query);
            if (query.Errors.Any)
            {
                return Problems.From(query.Errors.ToFailure());
            }
            // Posts are seen with their case; one that opened none (spam, an opinion) by those who see every team (issue 21).
            var viewer = await http.CurrentAgentAsync(db);
            var caseless = viewer.SeesCaseless();
            var visible = db.Cases.VisibleTo(viewer).Select(c => c.Id);
            var posts = db.SocialPosts.AsNoTracking().Where(p => classText == null || p.Class == wanted)
                .Where(p => p.CaseId == null ? caseless : visible.Contains(p.CaseId.Value));
            var total = await posts.CountAsync(http.RequestAborted);
            var items = await Newest.Page(posts, after, page, pageSize).ToListAsync(http.RequestAborted);
            return Results.Ok(new Cases.Page<PostDto>(items.Select(p => PostDto.From(p)).ToArray(), after is null ? page : 1, pageSize, total)
            {
                Next = Newest.Next(items.LastOrDefault(), items.Count, pageSize),
            });
        })
        .WithTags("Social")
        .Produces<Cases.Page<PostDto>>()
        .WithPaging()
        .WithQuery("class: complaint, question, opinion or insultOrSpam.")
        .WithSummary("Social comments and messages received, newest first, with their class, the rule that gave it, and whether the charter hid them.");
        api.MapGet("/cases/{id:long}/public-reply", async (long id, GuichetDb db, TimeProvider clock, CancellationToken ct) =>
        {
            var @case = await db.FindCaseAsync(id, ct);
            if (@case is null)
            {
                return Problems.From(CaseQueries.CaseNotFound(id));
            }
            return Results.Ok(new PublicReplyDraft(Core.Replies.PublicReply.Draft(db.TemplateBook, @case, NodaTime.Instant.FromDateTimeOffset(clock.GetUtcNow()))));
        })
        .WithTags("Social")
        .Produces<PublicReplyDraft>()
        .WithSummary("A draft of the public answer under the customer's comment: empathy, an invitation to write in private with the reference, and a date. Post it with public: true.");
        return api;
    }
}
