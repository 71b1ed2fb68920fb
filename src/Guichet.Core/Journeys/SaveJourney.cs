using Guichet.Core.Cases;
using Guichet.Core.Customers;
using Guichet.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Core.Journeys;

/// <summary>POST /api/journeys and PATCH /api/journeys/{id}: what a journey writes, where, how often. Only what is named changes.</summary>
public sealed record JourneyRequest(string? Name, string? Channel, string? Team, string? Language, string? Subject, string? Body, int? EveryMinutes, int? AckWithinMinutes, bool? Enabled);

public sealed class SaveJourney(GuichetDb db, TimeProvider clock)
{
    public const int MaxEveryMinutes = 7 * 24 * 60;
    public const int MaxAckWithinMinutes = 24 * 60;

    public async Task<Result<TestJourney>> CreateAsync(JourneyRequest request, CancellationToken ct = default)
    {
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(request.Name))
        {
            errors.Add("name", "Name the journey (\"Email to the service desk, daily\").");
        }
        if (request.Channel is null)
        {
            errors.Add("channel", "Choose the channel: email, portal, social or chat.");
        }
        var language = request.Language ?? "fr";
        var journey = new TestJourney
        {
            Name = request.Name?.Trim() ?? "",
            Subject = request.Subject?.Trim() ?? (language == "en" ? "Test: where is my parcel?" : "Test : où en est ma commande ?"),
            Body = request.Body?.Trim() ?? (language == "en"
                ? "Hello, this is a test journey of the service desk. My parcel has not arrived: can you tell me when it will?"
                : "Bonjour, ceci est un parcours test du service client. Mon colis n'est pas arrivé : pouvez-vous me dire quand il arrivera ?"),
            CreatedAt = clock.Now(),
        };
        if (await ApplyAsync(journey, request with { Name = null, Subject = null, Body = null }, errors, ct) is { } failure)
        {
            return failure;
        }
        db.TestJourneys.Add(journey);
        await db.SaveChangesAsync(ct);
        return journey;
    }

    public async Task<Result<TestJourney>> UpdateAsync(long id, JourneyRequest request, CancellationToken ct = default)
    {
        var journey = await db.TestJourneys.Include(j => j.Team).FirstOrDefaultAsync(j => j.Id == id, ct);
        if (journey is null)
        {
            return Failure.NotFound("id", $"There is no test journey {id}.");
        }
        if (await ApplyAsync(journey, request, new ValidationErrors(), ct) is { } failure)
        {
            return failure;
        }
        await db.SaveChangesAsync(ct);
        return journey;
    }

    private async Task<Failure?> ApplyAsync(TestJourney journey, JourneyRequest request, ValidationErrors errors, CancellationToken ct)
    {
        Channel channel = journey.Channel;
        if (request.Channel is { } text && (!WireNames.TryParseWire(text, out channel) || !TestJourney.Channels.Contains(channel)))
        {
            errors.Add("channel", $"'{text}' is not a channel a journey can use: email, portal, social or chat.");
        }
        Teams.Team? team = null;
        if (request.Team is { Length: > 0 } slug && (team = await db.Teams.FirstOrDefaultAsync(t => t.Slug == slug, ct)) is null)
        {
            errors.Add("team", $"There is no team '{slug}'.");
        }
        if (request.Language is { } language && !CustomerLanguage.IsSupported(language))
        {
            errors.Add("language", $"'{language}' is not a language Guichet writes in.");
        }
        if (request.Name is { } name && (string.IsNullOrWhiteSpace(name) || name.Length > 200))
        {
            errors.Add("name", "The name is required (at most 200 characters).");
        }
        if (request.Subject is { } subject && (string.IsNullOrWhiteSpace(subject) || subject.Length > 500 || subject.AsSpan().IndexOfAny('\r', '\n') >= 0))
        {
            errors.Add("subject", "The subject is required, on one line (at most 500 characters).");
        }
        if (request.Body is { } body && (string.IsNullOrWhiteSpace(body) || body.Length > 4000))
        {
            errors.Add("body", "What the test customer writes is required (at most 4000 characters).");
        }
        if (request.EveryMinutes is < TestJourney.MinEveryMinutes or > MaxEveryMinutes)
        {
            errors.Add("everyMinutes", $"A journey runs every {TestJourney.MinEveryMinutes} to {MaxEveryMinutes} minutes.");
        }
        if (request.AckWithinMinutes is < 1 or > MaxAckWithinMinutes)
        {
            errors.Add("ackWithinMinutes", $"The acknowledgment is awaited 1 to {MaxAckWithinMinutes} minutes.");
        }
        if (errors.Any)
        {
            return errors.ToFailure();
        }
        journey.Channel = channel;
        if (team is not null)
        {
            journey.Team = team;
            journey.TeamId = team.Id;
        }
        journey.Language = request.Language ?? journey.Language;
        journey.Name = request.Name?.Trim() ?? journey.Name;
        journey.Subject = request.Subject?.Trim() ?? journey.Subject;
        journey.Body = request.Body?.Trim() ?? journey.Body;
        journey.EveryMinutes = request.EveryMinutes ?? journey.EveryMinutes;
        journey.AckWithinMinutes = request.AckWithinMinutes ?? journey.AckWithinMinutes;
        var wasEnabled = journey.Enabled && journey.Id != 0;
        journey.Enabled = request.Enabled ?? journey.Enabled;
        // A new or re-enabled journey runs at once; a disabled one never.
        journey.NextRunAt = !journey.Enabled ? null : wasEnabled ? journey.NextRunAt ?? clock.Now() : clock.Now();
        return null;
    }
}
