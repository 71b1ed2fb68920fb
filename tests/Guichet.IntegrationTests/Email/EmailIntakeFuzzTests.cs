using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Guichet.Core.Email;
using Guichet.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Guichet.IntegrationTests.Email;

/// <summary>
/// Issue 10: the email intake under mutated real messages. Every input must come out as a receipt
/// within a time bound, and every one that is not a duplicate must be stored with its exact bytes,
/// processed or quarantined; nothing crashes, nothing is dropped. 3,000 inputs by default;
/// GUICHET_FUZZ_CASES and GUICHET_FUZZ_SEED run more, or replay a failure.
/// </summary>
public sealed class EmailIntakeFuzzTests(SqliteServer server) : IClassFixture<SqliteServer>
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    private static readonly string[] Seeds =
    [
        "From: Léa Petit <lea@example.fr>\r\nTo: support@guichet.test\r\nSubject: Colis\r\nMessage-ID: <s1@example.fr>\r\nDate: Fri, 27 Nov 2026 16:00:00 +0100\r\n\r\nBonjour, où est mon colis ?\r\n",
        "From: =?utf-8?B?w4lsaXNl?= <elise@example.fr>\r\nTo: support@guichet.test\r\nSubject: =?utf-8?Q?Re=3A_R=C3=A9clamation?=\r\nMessage-ID: <s2@example.fr>\r\nIn-Reply-To: <ack-1@guichet.test>\r\nReferences: <ack-1@guichet.test>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/alternative; boundary=\"alt\"\r\n\r\n--alt\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\nToujours rien re=C3=A7u.\r\n--alt\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>Toujours <b>rien</b> re&ccedil;u.</p><script>x()</script>\r\n--alt--\r\n",
        "From: Marc <marc@example.fr>\r\nTo: support@guichet.test\r\nSubject: Facture\r\nMessage-ID: <s3@example.fr>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"m\"\r\n\r\n--m\r\nContent-Type: text/plain; charset=iso-8859-1\r\nContent-Transfer-Encoding: 8bit\r\n\r\nVoici la facture.\r\n--m\r\nContent-Type: application/pdf; name=\"f.pdf\"\r\nContent-Disposition: attachment; filename=\"f.pdf\"\r\nContent-Transfer-Encoding: base64\r\n\r\nJVBERi0xLjQKJcfsj6IKMSAwIG9iago8PD4+CmVuZG9iagp0cmFpbGVyCjw8Pj4KJSVFT0YK\r\n--m\r\nContent-Type: message/rfc822\r\n\r\nFrom: a@b.c\r\nSubject: inner\r\n\r\ninner body\r\n--m--\r\n",
        "From: MAILER-DAEMON@example.net\r\nTo: support@guichet.test\r\nSubject: Undelivered Mail Returned to Sender\r\nAuto-Submitted: auto-replied\r\nMessage-ID: <s4@example.net>\r\nContent-Type: multipart/report; report-type=delivery-status; boundary=\"r\"\r\n\r\n--r\r\nContent-Type: text/plain\r\n\r\nDelivery failed.\r\n--r\r\nContent-Type: message/delivery-status\r\n\r\nStatus: 5.1.1\r\n--r--\r\n",
        "From: \"Nom, avec virgule\" <nom@example.fr>\r\nTo: support@guichet.test\r\nSubject: [G-2026-000001] Suite\r\nMessage-ID: <s5@example.fr>\r\nContent-Type: text/plain; charset=windows-1252\r\nContent-Transfer-Encoding: base64\r\n\r\nQm9uam91ciwgamUgcmVsYW5jZS4=\r\n",
    ];

    [Fact]
    public async Task Mutated_messages_are_each_processed_or_quarantined_with_their_bytes_in_bounded_time()
    {
        var ct = TestContext.Current.CancellationToken;
        var cases = int.TryParse(Environment.GetEnvironmentVariable("GUICHET_FUZZ_CASES"), out var n) ? n : 3_000;
        var seed = int.TryParse(Environment.GetEnvironmentVariable("GUICHET_FUZZ_SEED"), out var s) ? s : 20261123;
        var random = new Random(seed);
        var seeds = Seeds.Select(Encoding.UTF8.GetBytes).ToArray();
        var outcomes = new Dictionary<InboundOutcome, int>();
        var slowest = TimeSpan.Zero;
        var stored = new List<string>();
        for (var i = 0; i < cases; i++)
        {
            var input = Mutate(seeds, random);
            await using var scope = server.Services.CreateAsyncScope();
            var watch = Stopwatch.StartNew();
            ReceiveEmail.Receipt receipt;
            try
            {
                receipt = await scope.ServiceProvider.GetRequiredService<ReceiveEmail>().RunAsync(input, null, ct).WaitAsync(Bound, ct);
            }
            catch (Exception e)
            {
                Assert.Fail($"input {i} (seed {seed}) failed after {watch.Elapsed}: {e.GetType().Name}: {e.Message}\n{Encoding.UTF8.GetString(input[..Math.Min(input.Length, 400)])}");
                throw;
            }
            slowest = watch.Elapsed > slowest ? watch.Elapsed : slowest;
            outcomes[receipt.Outcome] = outcomes.GetValueOrDefault(receipt.Outcome) + 1;
            if (receipt.Outcome != InboundOutcome.Duplicate)
            {
                stored.Add(Convert.ToHexStringLower(SHA256.HashData(input)));
            }
        }

        // Every input that was not a duplicate is in the database with exactly its bytes.
        var hashes = (await server.ReadDbAsync(db => db.InboundEmails.Select(e => e.Sha256).ToListAsync())).ToHashSet();
        var missing = stored.Where(h => !hashes.Contains(h)).ToList();
        Assert.True(missing.Count == 0, $"{missing.Count} inputs not stored (seed {seed})");
        TestContext.Current.SendDiagnosticMessage($"fuzz seed {seed}: {cases} inputs, {string.Join(", ", outcomes.Select(o => $"{o.Key} {o.Value}"))}; slowest {slowest.TotalMilliseconds:N0} ms");
        Assert.True(outcomes.GetValueOrDefault(InboundOutcome.Quarantined) > 0, "the mutations should break some messages");
        Assert.True(outcomes.GetValueOrDefault(InboundOutcome.Created) + outcomes.GetValueOrDefault(InboundOutcome.Appended) > 0, "and leave others readable");
    }

    /// <summary>One to four mutations of a seed: bit flips, cuts, repeats, splices, junk, broken boundaries and headers.</summary>
    private static byte[] Mutate(byte[][] seeds, Random random)
    {
        var bytes = new List<byte>(seeds[random.Next(seeds.Length)]);
        // A fresh Message-ID most of the time, so most inputs are new messages rather than duplicates.
        if (random.Next(10) > 0)
        {
            var text = Encoding.Latin1.GetString([.. bytes]);
            var at = text.IndexOf("Message-ID: <", StringComparison.Ordinal);
            if (at >= 0)
            {
                text = text.Insert(at + 13, $"f{random.Next():x}.");
                bytes = [.. Encoding.Latin1.GetBytes(text)];
            }
        }
        for (var m = random.Next(1, 5); m > 0 && bytes.Count > 0; m--)
        {
            var at = random.Next(bytes.Count);
            switch (random.Next(10))
            {
                case 0:
                    bytes[at] ^= (byte)(1 << random.Next(8));
                    break;
                case 1:
                    bytes.RemoveRange(at, Math.Min(random.Next(1, 64), bytes.Count - at));
                    break;
                case 2:
                    bytes.InsertRange(at, bytes.GetRange(at, Math.Min(random.Next(1, 200), bytes.Count - at)));
                    break;
                case 3:
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
                case 4:
                    bytes.InsertRange(at, Enumerable.Range(0, random.Next(1, 32)).Select(_ => (byte)random.Next(256)));
                    break;
                case 5:
                    var other = seeds[random.Next(seeds.Length)];
                    var from = random.Next(other.Length);
                    bytes.InsertRange(at, other[from..Math.Min(other.Length, from + random.Next(1, 300))]);
                    break;
                case 6:
                    bytes.InsertRange(at, Encoding.ASCII.GetBytes("\r\n--" + new string('b', random.Next(0, 80)) + "\r\n"));
                    break;
                case 7:
                    bytes.InsertRange(at, Encoding.ASCII.GetBytes($"X-Long: {new string('h', random.Next(1000, 20000))}\r\n"));
                    break;
                case 8:
                    bytes.InsertRange(at, Encoding.ASCII.GetBytes(random.Next(3) switch { 0 => "=?utf-8?B?%%%?=", 1 => "\0\0\0", _ => "\r\n\r\n\r" }));
                    break;
                default:
                    for (var i = 0; i < bytes.Count; i++)
                    {
                        if (bytes[i] == '\r' && random.Next(4) == 0)
                        {
                            bytes.RemoveAt(i);
                        }
                    }
                    break;
            }
        }
        return [.. bytes];
    }
}
