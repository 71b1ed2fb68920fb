using System.Globalization;
using System.Text.RegularExpressions;
using Guichet.Core.Agents;
using Guichet.Core.Cases.Tags;
using Guichet.Core.Customers;
using Guichet.Core.Data;
using Guichet.Core.Knowledge;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Core.Cases.Finding;

/// <summary>
/// The workspace's search box (SPEC W3): one text, read as what a person would mean by it. A case
/// reference (G-2026-000007, or its number), an email, a phone number in any format, a tag
/// (<c>#tag</c>), else words: in subjects, customers' names and everything written on cases. Every
/// part reads an index (the reference, an identity, a tag, a full-text table); only cases the
/// viewer may see, best first.
/// </summary>
public sealed partial class FindCases(GuichetDb db, Search search)
{
    public async Task<Found> RunAsync(string? text, Agent? viewer, string zone, int limit, CancellationToken ct = default)
    {
        text = text?.Trim() ?? "";
        if (text.Length == 0 || viewer is null)
        {
            return Found.Nothing;
        }
        var hits = new List<(long Case, FoundBy By, string? Snippet)>();
        var customers = new List<long>();
        IReadOnlyList<Knowledge.MessageHit>? messages = null;

        if (Reference().Match(text) is { Success: true } reference
            && long.TryParse(reference.Groups["n"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            hits.Add((number, FoundBy.Reference, null));
        }
        if (text.Contains('@', StringComparison.Ordinal) && CustomerContact.NormaliseEmail(text) is { } email)
        {
            customers.AddRange(await IdentityAsync(IdentityKind.Email, email, ct));
            hits.AddRange(await CasesOfAsync(customers, FoundBy.Email, ct));
        }
        else if (text.Count(char.IsAsciiDigit) >= 6 && !Reference().IsMatch(text) && PhoneNumber.ToE164(text, zone) is { } phone)
        {
            customers.AddRange(await IdentityAsync(IdentityKind.Phone, phone, ct));
            hits.AddRange(await CasesOfAsync(customers, FoundBy.Phone, ct));
        }
        else if (text.StartsWith('#') || text.StartsWith("tag:", StringComparison.OrdinalIgnoreCase))
        {
            if (TagName.Normalise(text.TrimStart('#').Replace("tag:", "", StringComparison.OrdinalIgnoreCase)) is { } tag)
            {
                hits.AddRange((await TaggedAsync(tag, limit * 4, ct)).Select(id => (id, FoundBy.Tag, (string?)null)));
            }
        }
        else if (SearchTerms.Words(text) is { Count: > 0 } words)
        {
            await SearchBacklog.BeforeSearchAsync(db, ct);
            if (words.Count == 1 && TagName.Normalise(words[0]) is { } single)
            {
                hits.AddRange((await TaggedAsync(single, limit, ct)).Select(id => (id, FoundBy.Tag, (string?)null)));
            }
            hits.AddRange((await SubjectsAsync(words, limit * 4, ct)).Select(id => (id, FoundBy.Subject, (string?)null)));
            var named = await Customers.CustomerNames.MatchingAsync(db, words, limit * 4, ct);
            customers.AddRange(named);
            hits.AddRange(await CasesOfAsync(named, FoundBy.Customer, ct));
            messages = await search.MessagesAsync(text, limit, viewer, Knowledge.Search.SearchBoxWindow, ct);
            hits.AddRange(messages.Select(m => (m.CaseId, FoundBy.Message, (string?)m.Snippet)));
        }
        return new Found(await CasesAsync(hits, viewer, limit, ct), await CustomersAsync(customers.Distinct().ToList(), viewer, limit, ct)) { Messages = messages };
    }

    private Task<List<long>> IdentityAsync(IdentityKind kind, string value, CancellationToken ct) =>
        db.CustomerIdentities.Where(i => i.Kind == kind && i.Value == value).Select(i => i.CustomerId).ToListAsync(ct);

    private async Task<IEnumerable<(long, FoundBy, string?)>> CasesOfAsync(List<long> customers, FoundBy by, CancellationToken ct) =>
        customers.Count == 0 ? [] : (await db.Cases.Where(c => customers.Contains(c.CustomerId)).OrderByDescending(c => c.Id).Select(c => c.Id).Take(50).ToListAsync(ct))
            .Select(id => (id, by, (string?)null));

    private Task<List<long>> TaggedAsync(string tag, int limit, CancellationToken ct) =>
        db.CaseTags.Where(t => t.Name == tag).OrderByDescending(t => t.CaseId).Select(t => t.CaseId).Take(limit).ToListAsync(ct);

    private Task<List<long>> SubjectsAsync(IReadOnlyList<string> words, int limit, CancellationToken ct) => db.Database.IsNpgsql()
        ? Knowledge.NewestMatches.IdsAsync(db, "Cases", "to_tsquery('simple'::regconfig, {0})", SearchTerms.TsQueryAllPrefix(words), limit, ct)
        : db.Database.SqlQueryRaw<long>("SELECT rowid AS Value FROM CaseSearch WHERE CaseSearch MATCH {0} ORDER BY rowid DESC LIMIT {1}", SearchTerms.Fts5All(words), limit).ToListAsync(ct);

    private async Task<IReadOnlyList<CaseFound>> CasesAsync(List<(long Case, FoundBy By, string? Snippet)> hits, Agent viewer, int limit, CancellationToken ct)
    {
        // The strongest reason a case came up is the one shown; the order is by that reason, then newest first.
        var best = hits.GroupBy(h => h.Case).Select(g => g.OrderBy(h => h.By).First()).ToList();
        var ids = best.Select(h => h.Case).ToList();
        var rows = await db.Cases.AsNoTracking().VisibleTo(viewer).Where(c => ids.Contains(c.Id))
            .Select(c => new
            {
                c.Id, c.Reference, c.Subject, c.Status, Team = c.Team.Name, Owner = c.Owner!.Name, Customer = c.Customer.Name,
                Tags = c.Tags.Select(t => t.Name).ToList(),
            })
            .ToDictionaryAsync(c => c.Id, ct);
        return best.Where(h => rows.ContainsKey(h.Case))
            .OrderBy(h => h.By).ThenByDescending(h => h.Case)
            .Take(limit)
            .Select(h => rows[h.Case] is var c ? new CaseFound(c.Id, c.Reference, c.Subject, c.Status, c.Team, c.Owner, c.Customer, c.Tags.Order(StringComparer.Ordinal).ToList(), h.By, h.Snippet) : null!)
            .ToList();
    }

    private async Task<IReadOnlyList<CustomerFound>> CustomersAsync(List<long> ids, Agent viewer, int limit, CancellationToken ct)
    {
        if (ids.Count == 0)
        {
            return [];
        }
        var visible = db.Cases.VisibleTo(viewer);
        var rows = await db.Customers.AsNoTracking()
            .Where(c => ids.Contains(c.Id) && c.ErasedAt == null && c.MergedIntoId == null && (viewer.SeesEveryTeam || visible.Any(v => v.CustomerId == c.Id)))
            .OrderByDescending(c => c.Id)
            .Take(limit)
            .Select(c => new
            {
                c.Id, c.Name,
                Addresses = c.Identities.Where(i => i.Kind == IdentityKind.Email || i.Kind == IdentityKind.Phone).Select(i => i.Value).ToList(),
                Open = visible.Count(v => v.CustomerId == c.Id && v.Status != CaseStatus.Resolved && v.Status != CaseStatus.Closed),
            })
            .ToListAsync(ct);
        return rows.Select(r => new CustomerFound(r.Id, r.Name, r.Addresses, r.Open)).ToList();
    }

    // G-2026-000007, g-2026-7, 000007 or 7: the number is the case's id (Case.FormatReference).
    [GeneratedRegex(@"^(?:G-\d{4}-)?(?<n>\d{1,9})$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Reference();
}
