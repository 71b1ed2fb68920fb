using Guichet.Core.Language;

namespace Guichet.Core.Cases;

/// <summary>How sure the rule is that a message is about an open case's matter.</summary>
public enum MatterLink
{
    Different,
    /// <summary>Perhaps: a new case opens, and both say "perhaps the same matter as …", merged in one click.</summary>
    Perhaps,
    Same,
}

/// <summary>Why a message joined a case, shown on the case's timeline (C1).</summary>
public enum JoinReason
{
    /// <summary>A reply: In-Reply-To or References name one of the case's messages.</summary>
    Reply,
    /// <summary>It quotes the case's reference (G-…).</summary>
    CaseReference,
    /// <summary>The same subject once Re:, Fwd:, TR: are stripped.</summary>
    Subject,
    /// <summary>It names the same order, booking, invoice, claim, card or tracking number.</summary>
    Reference,
    /// <summary>It names one of the customer's registered assets, about the same problem.</summary>
    Asset,
    /// <summary>A reminder about the same thing, in other words.</summary>
    Reminder,
    /// <summary>A note about "my request" from a customer with this one case open.</summary>
    OnlyOpenCase,
}

/// <summary>The rule's answer, with why and what it saw (the reference, the shared words).</summary>
public sealed record MatterVerdict(MatterLink Link, JoinReason? Why, string Evidence)
{
    public static readonly MatterVerdict Different = new(MatterLink.Different, null, "");
}

/// <summary>
/// C1 by content: is a known customer's new message, under a new subject and on any channel,
/// about the matter of one of their open cases? A wrong join hides a new problem inside an old
/// case, which is worse than a missed one, so the rule joins only on firm evidence: the same
/// identifying reference; a registered asset named with the same problem; a reminder sharing the
/// case's words; or a note about "my request" when only one case is open. A different reference of the same kind, a new instance ("encore un colis perdu",
/// "another card") or the customer saying it is another matter never join. In between, the
/// answer is <see cref="MatterLink.Perhaps"/>: an agent decides in one click.
/// Measured on a labelled set of pairs (docs/benchmarks.md).
/// </summary>
public static class SameMatter
{
    /// <summary>What the rule reads of an open case: its subject and what the customer wrote on it.</summary>
    public sealed class CaseText(string subject, IEnumerable<string> customerTexts)
    {
        // A case is read again at each of its customer's new messages: its words are remembered by content.
        private static readonly TextMemo<string> Stripped = new(Signature.Strip, maxChars: 1_000_000);
        private static readonly TextMemo<Words> Read = new(text => new Words(text), maxChars: 1_000_000);

        private readonly string[] written = [.. customerTexts];
        private Words? words;

        // Read only when the subject was not enough.
        private Words Text => words ??= Read.Get(subject + "\n" + string.Join("\n", written.Select(Stripped.Get)));

        public IReadOnlyList<MatterReference> References => Text.References;
        public StemmedText Stemmed => Text.Stemmed;

        private sealed class Words(string text)
        {
            private IReadOnlyList<MatterReference>? references;
            private StemmedText? stemmed;

            public IReadOnlyList<MatterReference> References => references ??= MatterReference.In(text);
            public StemmedText Stemmed => stemmed ??= StemmedText.Of(WithoutCodes(text, References));
        }
    }

    /// <summary>One of the customer's open cases, as the rule reads it.</summary>
    public sealed record OpenCase(long Id, string Reference, string Subject, CaseText Text);

    /// <summary>How many open cases, and how many of each one's latest customer messages, the rule reads.</summary>
    public const int CasesRead = 10, MessagesRead = 5;

    /// <summary>
    /// Which of a customer's open cases a new contact belongs to: the one with the same subject,
    /// else the one the rule finds the same matter (one only, or the one sharing a reference), else
    /// a "perhaps" on the newest that might be. Null: a new matter.
    /// </summary>
    public static (OpenCase Case, MatterVerdict Verdict)? Choose(IReadOnlyList<OpenCase> open, string subject, string body, IReadOnlyList<string> assets, IReadOnlyList<string> names) =>
        Choose(open, subject, () => Reading.Of(subject, body), assets, names);

    /// <param name="reading">The message's reading, asked for only when the subject is not enough.</param>
    public static (OpenCase Case, MatterVerdict Verdict)? Choose(IReadOnlyList<OpenCase> open, string subject, Func<Reading> reading, IReadOnlyList<string> assets, IReadOnlyList<string> names)
    {
        if (SubjectKey.SameMatter(open.Select(o => (o.Id, o.Subject)), subject) is { } id)
        {
            return (open.First(o => o.Id == id), new MatterVerdict(MatterLink.Same, JoinReason.Subject, SubjectKey.Of(subject)));
        }
        var contact = new Contact(reading(), assets, names);
        var judged = open.Select(o => (Case: o, Verdict: Judge(o.Text, contact, onlyOpenCase: open.Count == 1))).ToList();
        var same = judged.Where(j => j.Verdict.Link == MatterLink.Same).ToList();
        if (same.Count == 1)
        {
            return same[0];
        }
        if (same.Where(j => j.Verdict.Why == JoinReason.Reference).ToList() is [var byReference])
        {
            return byReference;
        }
        // Two open cases both look like it: an agent chooses.
        var unsure = same.Count > 1 ? same : judged.Where(j => j.Verdict.Link == MatterLink.Perhaps).ToList();
        if (unsure.Count == 0)
        {
            return null;
        }
        var newest = unsure.MaxBy(j => j.Case.Id);
        return (newest.Case, newest.Verdict with { Link = MatterLink.Perhaps, Why = null });
    }

    /// <summary>
    /// What a new message says, before knowing who wrote it: its cues, references and words. The
    /// email intake reads it with the message, on another core, before the message's turn to be written.
    /// </summary>
    public sealed class Reading
    {
        private Reading(string subject, string body)
        {
            Text = subject + "\n" + Signature.Strip(body);
            Cues = MatterCues.Of(Text);
            Written = MatterReference.In(Text);
            Stemmed = StemmedText.Of(WithoutCodes(Text, Written));
            SubjectStemmed = StemmedText.Of(subject);
        }

        public static Reading Of(string subject, string body) => new(subject, body);

        public string Text { get; }
        public MatterCues Cues { get; }
        public IReadOnlyList<MatterReference> Written { get; }
        public StemmedText Stemmed { get; }
        public StemmedText SubjectStemmed { get; }
    }

    /// <summary>A customer's new contact as the rule reads it, read once however many open cases it is weighed against.</summary>
    public sealed class Contact
    {
        public Contact(string subject, string body, IReadOnlyList<string> assets, IReadOnlyList<string> names)
            : this(Reading.Of(subject, body), assets, names)
        {
        }

        public Contact(Reading reading, IReadOnlyList<string> assets, IReadOnlyList<string> names)
        {
            Read = reading;
            AssetReferences = assets.Count == 0 ? [] : assets.SelectMany(MatterReference.In).ToList();
            Ignored = StemmedText.Of(string.Join(' ', names.Concat(assets))).Stems;
            Words = reading.Stemmed.Words.Where(w => !w.Any(Ignored.Contains)).ToList();
        }

        public Reading Read { get; }
        public string Text => Read.Text;
        public MatterCues Cues => Read.Cues;
        public IReadOnlyList<MatterReference> AssetReferences { get; }
        public IReadOnlyList<MatterReference> Written => Read.Written;
        /// <summary>The stems of the customer's name and assets: they say nothing about which matter.</summary>
        public HashSet<string> Ignored { get; }
        public IReadOnlyList<string[]> Words { get; }

        public bool IsAsset(MatterReference r) => AssetReferences.Count > 0 && AssetReferences.Any(r.Matches);
    }

    /// <param name="assets">The customer's registered assets: their references and labels.</param>
    /// <param name="names">The customer's name: its words say nothing about the matter.</param>
    /// <param name="onlyOpenCase">Whether this is the customer's one open case: only then may a note about "my request" join it.</param>
    public static MatterVerdict Judge(CaseText @case, string subject, string body, IReadOnlyList<string> assets, IReadOnlyList<string> names, bool onlyOpenCase) =>
        Judge(@case, new Contact(subject, body, assets, names), onlyOpenCase);

    public static MatterVerdict Judge(CaseText @case, Contact contact, bool onlyOpenCase)
    {
        var cues = contact.Cues;
        if (cues.SaysOtherMatter)
        {
            return MatterVerdict.Different;
        }
        // "Another missing mark (HIST110 is already being looked at)": a new instance that names
        // the open one in passing is no part of it. At most a hint.
        var newInstance = cues.NewInstance;
        var theirs = contact.Written.Where(r => r.Identifies && !contact.IsAsset(r)).ToList();
        var cases = @case.References.Where(r => r.Identifies && !contact.IsAsset(r)).ToList();
        if (theirs.FirstOrDefault(r => cases.Any(r.Matches)) is { } shared)
        {
            return new MatterVerdict(newInstance ? MatterLink.Perhaps : MatterLink.Same, newInstance ? null : JoinReason.Reference, shared.Written);
        }
        // A booking code of capitals alone, written again in any case ("QXKTPL", "dossier qxktpl").
        if (cases.FirstOrDefault(c => c.Digits.Length == 0 && WholeWord(contact.Text, c.Code)) is { } booking)
        {
            return new MatterVerdict(newInstance ? MatterLink.Perhaps : MatterLink.Same, newInstance ? null : JoinReason.Reference, booking.Written);
        }
        if (theirs.Count > 0 && cases.Count > 0)
        {
            // Another order, another booking, another invoice: another matter, however alike the words.
            return MatterVerdict.Different;
        }

        var ignored = contact.Ignored;
        var caseStems = @case.Stemmed.Stems.Where(s => !ignored.Contains(s)).ToHashSet(StringComparer.Ordinal);
        var words = contact.Words;
        var sharedWords = words.Where(w => w.Any(caseStems.Contains)).Select(w => w[0]).Distinct(StringComparer.Ordinal).ToList();
        var share = words.Count == 0 ? 0 : words.Count(w => w.Any(caseStems.Contains)) / (double)words.Count;
        var evidence = string.Join(", ", sharedWords.Take(5));

        if (newInstance)
        {
            return sharedWords.Count > 0 ? new MatterVerdict(MatterLink.Perhaps, null, evidence) : MatterVerdict.Different;
        }
        if (contact.Written.FirstOrDefault(contact.IsAsset) is { } asset)
        {
            // An asset can have many matters (a house, a card): its name alone is not enough, the problem must be the same,
            // and not mentioned in passing in a message about something else ("et pour le toit, toujours en attente").
            var assetInPassing = words.Count >= 8 && share < 0.15;
            return !assetInPassing && (sharedWords.Count >= 2 || ((cues.Reminder || cues.GoesOn || cues.AboutMyRequest) && sharedWords.Count > 0))
                ? new MatterVerdict(MatterLink.Same, JoinReason.Asset, asset.Written)
                : new MatterVerdict(MatterLink.Perhaps, null, asset.Written);
        }
        // A long message mostly about something else that adds a word about the case ("and I'm still waiting about the bill") is a new matter mentioning the old one.
        var inPassing = words.Count >= 10 && share < 0.2;
        // A subject naming something the case never mentions ("Valise" on a case about a parcel) is not about it.
        var subjectElsewhere = contact.Read.SubjectStemmed.Words.Any(w => !w.Any(ignored.Contains) && !w.Any(caseStems.Contains));
        if ((cues.Reminder || cues.GoesOn || cues.AboutMyRequest) && sharedWords.Count > 0 && !inPassing)
        {
            // "Colis perdu: mon colis est perdu depuis une semaine" on a case about a suitcase shares "perdu" and sounds like a chase,
            // but it is about a thing it names twice and the case never mentions: at most a hint.
            var aboutOther = contact.Read.SubjectStemmed.Words.Any(w => !w.Any(ignored.Contains) && !w.Any(caseStems.Contains)
                && words.Count(b => b.Any(w.Contains)) >= 2);
            return aboutOther ? new MatterVerdict(MatterLink.Perhaps, null, evidence) : new MatterVerdict(MatterLink.Same, JoinReason.Reminder, evidence);
        }
        if (onlyOpenCase && ((cues.Reminder && words.Count < 12) || (cues.AboutMyRequest && words.Count <= 8 && !subjectElsewhere)))
        {
            return new MatterVerdict(MatterLink.Same, JoinReason.OnlyOpenCase, "");
        }
        // The same story in the same words, without a reminder or a reference, is only a hint: on
        // pairs the rule had never seen, half such joins were another instance (decision 0030).
        return sharedWords.Count >= 2 || (sharedWords.Count == 1 && share >= 0.25)
            ? new MatterVerdict(MatterLink.Perhaps, null, evidence)
            : MatterVerdict.Different;
    }

    private static bool WholeWord(string text, string word)
    {
        var at = 0;
        while ((at = text.IndexOf(word, at, StringComparison.OrdinalIgnoreCase)) >= 0)
        {
            var end = at + word.Length;
            if ((at == 0 || !char.IsLetterOrDigit(text[at - 1])) && (end == text.Length || !char.IsLetterOrDigit(text[end])))
            {
                return true;
            }
            at = end;
        }
        return false;
    }

    /// <summary>The text without its codes: the letters of "HAB-552091" are not a word.</summary>
    private static string WithoutCodes(string text, IReadOnlyList<MatterReference> codes) =>
        codes.Aggregate(text, (t, c) => t.Replace(c.Written, " ", StringComparison.Ordinal));
}
