using System.Net;
using System.Text.Json;
using Guichet.Testing;
using Microsoft.EntityFrameworkCore;

namespace Guichet.IntegrationTests.Email;

/// <summary>
/// Issue 22: the fixture corpus (tests/…/Email/Corpus: charsets, file shapes, broken headers,
/// senders, noise, reused Message-IDs, plain mail, 200+ messages written for it) through the
/// real endpoint. Each message has its expected outcome, sender, subject, an excerpt of its text
/// and its file names; the whole corpus must read exactly so, with nothing lost.
/// </summary>
public abstract class MailCorpusTests(GuichetServer server)
{
    private sealed record Expected(string File, string Class, string Outcome, string? Sender, string? Subject, string? Text, string[] Files, string? Group, string? Note)
    {
        public string Folder { get; init; } = "";
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static IReadOnlyList<Expected> Corpus()
    {
        var root = Path.Combine(AppContext.BaseDirectory, "Email", "Corpus");
        return Directory.GetDirectories(root).Order(StringComparer.Ordinal)
            .SelectMany(folder => File.ReadLines(Path.Combine(folder, "expected.jsonl")).Where(l => l.Length > 0)
                .Select(l => JsonSerializer.Deserialize<Expected>(l, Json)! with { Folder = folder }))
            .OrderBy(e => e.Folder, StringComparer.Ordinal).ThenBy(e => e.File, StringComparer.Ordinal)
            .ToList();
    }

    [Fact]
    public async Task Every_message_of_the_corpus_reads_as_its_sender_wrote_it_and_none_is_lost()
    {
        server.SkipIfUnavailable();
        var corpus = Corpus();
        Assert.True(corpus.Count >= 150, $"only {corpus.Count} messages in the corpus");
        var failures = new List<string>();
        foreach (var expected in corpus)
        {
            var raw = await File.ReadAllBytesAsync(Path.Combine(expected.Folder, expected.File), TestContext.Current.CancellationToken);
            using var content = new ByteArrayContent(raw);
            content.Headers.ContentType = new("message/rfc822");
            var response = await server.Api.PostAsync("/api/inbound/email", content, TestContext.Current.CancellationToken);
            var receipt = await ApiJson.ReadAsync(response);
            var name = $"{Path.GetFileName(expected.Folder)}/{expected.File}";
            if (response.StatusCode != HttpStatusCode.Accepted)
            {
                failures.Add($"{name}: {(int)response.StatusCode} {receipt.ToJsonString()}");
                continue;
            }
            var outcome = receipt.Str("outcome");
            if (outcome != expected.Outcome)
            {
                failures.Add($"{name}: {outcome}, expected {expected.Outcome} ({expected.Note})");
                continue;
            }
            if (outcome == "duplicate")
            {
                continue;
            }
            var stored = await server.ReadDbAsync(db => db.InboundEmails.AsNoTracking().Where(e => e.Sha256 == Sha(raw)).OrderByDescending(e => e.Id).FirstAsync());
            // Nothing lost: the bytes are kept as they came.
            if (!stored.Raw.AsSpan().SequenceEqual(raw))
            {
                failures.Add($"{name}: the stored bytes differ from what was sent");
            }
            if (expected.Sender is not null && stored.From != expected.Sender)
            {
                failures.Add($"{name}: sender {stored.From}, expected {expected.Sender}");
            }
            if (expected.Subject is not null && stored.Subject != expected.Subject)
            {
                failures.Add($"{name}: subject «{stored.Subject}», expected «{expected.Subject}»");
            }
            if (outcome is not ("created" or "appended"))
            {
                continue;
            }
            var messageId = long.Parse(receipt.Str("messageId"), System.Globalization.CultureInfo.InvariantCulture);
            var (body, files) = await server.ReadDbAsync(async db => (
                await db.Messages.Where(m => m.Id == messageId).Select(m => m.Body).SingleAsync(),
                await db.Attachments.Where(a => a.MessageId == messageId).OrderBy(a => a.Part).Select(a => a.FileName).ToListAsync()));
            if (expected.Text is not null && !Squeezed(body).Contains(Squeezed(expected.Text), StringComparison.Ordinal))
            {
                failures.Add($"{name}: the text does not hold «{expected.Text}»: «{body[..Math.Min(body.Length, 160)]}»");
            }
            if (!files.SequenceEqual(expected.Files, StringComparer.Ordinal))
            {
                failures.Add($"{name}: files [{string.Join(", ", files)}], expected [{string.Join(", ", expected.Files)}]");
            }
        }
        Assert.True(failures.Count == 0, $"{failures.Count} of {corpus.Count} messages read wrong:\n" + string.Join('\n', failures));
    }

    private static string Sha(byte[] raw) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(raw));

    /// <summary>Line breaks and runs of spaces read as one space: an excerpt is words, not layout.</summary>
    private static string Squeezed(string text) => string.Join(' ', text.Split((char[])[' ', '\n', '\r', '\t', '\u00a0'], StringSplitOptions.RemoveEmptyEntries));
}

public sealed class MailCorpusOnSqlite(SqliteServer server) : MailCorpusTests(server), IClassFixture<SqliteServer>;

public sealed class MailCorpusOnPostgres(PostgresServer server) : MailCorpusTests(server), IClassFixture<PostgresServer>;
