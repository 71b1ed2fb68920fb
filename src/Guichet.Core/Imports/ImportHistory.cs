using Guichet.Core.Data;
using Microsoft.Extensions.Logging;

namespace Guichet.Core.Imports;

/// <param name="DryRun">Read and match everything, write nothing: the report says what would be created.</param>
/// <param name="PromiseOpen">Give the tickets still waiting for an answer a first-response promise from their team's calendar.</param>
/// <param name="Team">The team of tickets without a group (default: the default team).</param>
public sealed record ImportOptions(bool DryRun = false, bool PromiseOpen = false, string? Team = null);

/// <summary>
/// Brings a team's history from another help desk (W10): an <see cref="ExportReader"/> is read as a
/// stream and written a batch at a time, each batch in one transaction with the keys that make a
/// second run bring nothing twice and an interrupted run resume. Nothing is sent, acknowledged or
/// announced to the webhooks and rules (they hear only of what happens after they exist).
/// </summary>
public sealed class ImportHistory(GuichetDb db, TimeProvider clock, ILogger<ImportHistory> logger)
{
    public const int Batch = 500;

    /// <param name="progress">Called after each batch with the report so far and how far the reading is (0 to 1).</param>
    public async Task<ImportReport> RunAsync(ExportReader reader, ImportOptions options, Func<ImportReport, double, Task>? progress = null, CancellationToken ct = default)
    {
        var report = new ImportReport(reader.Source, options.DryRun);
        var keys = new ImportKeys(db, reader.Source, options.DryRun);
        var directory = new ImportDirectory(db, keys, report, reader.Source, clock);
        await directory.StartAsync(options.Team, ct);
        var people = new ImportPeople(db, keys, directory, reader.Source);
        var cases = new ImportCases(db, keys, directory, report, people, options.PromiseOpen, clock);
        var extras = new ImportExtras(db, keys, report);
        var waiting = new Waiting();

        Task Progress(double? done = null) => progress?.Invoke(report, done ?? reader.Done) ?? Task.CompletedTask;

        // Each kind's records with their keys in one transaction: an interrupted run finds both or neither.
        async Task InOneAsync(Func<Task> write)
        {
            await using var tx = options.DryRun ? null : await db.Database.BeginTransactionAsync(ct);
            await write();
            if (tx is not null)
            {
                await tx.CommitAsync(ct);
            }
        }

        // What a kind refers to is written before it: flushing a kind flushes the kinds before it first.
        async Task FlushAsync(int upTo)
        {
            if (upTo >= 0 && waiting.Teams.Count > 0) { await InOneAsync(() => directory.TeamsAsync(waiting.Teams, ct)); waiting.Teams.Clear(); }
            if (upTo >= 1 && waiting.Fields.Count > 0) { await InOneAsync(() => directory.FieldsAsync(waiting.Fields, ct)); waiting.Fields.Clear(); }
            if (upTo >= 2 && waiting.Organisations.Count > 0) { await InOneAsync(() => directory.OrganisationsAsync(waiting.Organisations, ct)); waiting.Organisations.Clear(); }
            if (upTo >= 3 && waiting.People.Count > 0) { await InOneAsync(() => directory.PeopleAsync(waiting.People, ct)); waiting.People.Clear(); }
            if (upTo >= 4 && waiting.Cases.Count > 0) { await cases.WriteAsync(waiting.Cases, ct); waiting.Cases.Clear(); await Progress(); }
            if (upTo >= 5 && waiting.Ratings.Count > 0) { await InOneAsync(() => extras.RatingsAsync(waiting.Ratings, ct)); waiting.Ratings.Clear(); }
            if (upTo >= 6 && waiting.Articles.Count > 0) { await InOneAsync(() => extras.ArticlesAsync(waiting.Articles, ct)); waiting.Articles.Clear(); }
        }

        try
        {
            await foreach (var record in reader.ReadAsync(ct))
            {
                var rank = Rank(record);
                if (record is not RefusedRecord && record.ExternalId.Length == 0)
                {
                    report.Refuse(record.GetType().Name, "?", "A record without an id.");
                    continue;
                }
                switch (record)
                {
                    case RefusedRecord refused: report.Refuse(refused.Kind, refused.ExternalId, refused.Reason); break;
                    case ImportedTeam team: waiting.Teams.Add(team); break;
                    case ImportedField field: waiting.Fields.Add(field); break;
                    case ImportedOrganisation organisation: waiting.Organisations.Add(organisation); break;
                    case ImportedPerson person: waiting.People.Add(person); break;
                    case ImportedCase @case: waiting.Cases.Add(@case); break;
                    case ImportedRating rating: waiting.Ratings.Add(rating); break;
                    case ImportedArticle article: waiting.Articles.Add(article); break;
                }
                if (waiting.Count(rank) >= Batch)
                {
                    await FlushAsync(rank);
                }
            }
            await FlushAsync(6);
            await InOneAsync(() => extras.MergesAsync(ct));
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
        await Progress(1);
        logger.LogInformation("Import from {Source} {Mode}: {Cases} cases created, {Updated} updated, {Refused} refused",
            reader.Source, options.DryRun ? "(dry run)" : "", report.Created.GetValueOrDefault("case"), report.Updated.GetValueOrDefault("case"), report.RefusedCount);
        return report;
    }

    private static int Rank(ImportRecord record) => record switch
    {
        ImportedTeam => 0,
        ImportedField => 1,
        ImportedOrganisation => 2,
        ImportedPerson => 3,
        ImportedCase => 4,
        ImportedRating => 5,
        ImportedArticle => 6,
        _ => 0,
    };

    private sealed class Waiting
    {
        public List<ImportedTeam> Teams { get; } = [];
        public List<ImportedField> Fields { get; } = [];
        public List<ImportedOrganisation> Organisations { get; } = [];
        public List<ImportedPerson> People { get; } = [];
        public List<ImportedCase> Cases { get; } = [];
        public List<ImportedRating> Ratings { get; } = [];
        public List<ImportedArticle> Articles { get; } = [];

        public int Count(int rank) => rank switch
        {
            3 => People.Count,
            4 => Cases.Count,
            5 => Ratings.Count,
            6 => Articles.Count,
            _ => 0,
        };
    }
}
