using System.Text.RegularExpressions;
using Guichet.Core.Language;

namespace Guichet.Core.Cases;

/// <summary>
/// A number or code a customer writes to identify something: an order, a booking, a claim, an
/// invoice, a parcel's tracking, a card, a serial. Written many ways ("#A-4432", "commande 4432",
/// "FAC 2024 118734", "NR3 55810"), it is compared by its letters and digits alone, or by its
/// digits when there are at least four. <see cref="Identifies"/> says whether it names a matter:
/// a code with letters and digits, or a number a matter word introduces ("commande", "invoice",
/// "n°", a masked card). A customer or account number, a phone number, an amount, a date, a
/// year, a flight number or a postcode never does: they are the same in every one of the
/// customer's matters, or shared by many.
/// </summary>
public sealed partial record MatterReference(string Written, string Code, string Digits, bool Identifies)
{
    public bool Matches(MatterReference other) =>
        Code == other.Code
        // "#A-4432" and "commande 4432": one of them is the bare number.
        || (Digits.Length >= 4 && Digits == other.Digits && (Code == Digits || other.Code == Digits))
        // "FRALH48213" and "LH 48213": one ends with the other, long enough not to be chance.
        || (Math.Min(Code.Length, other.Code.Length) >= 5 && Digits.Length >= 4 && Digits == other.Digits && (Code.EndsWith(other.Code, StringComparison.Ordinal) || other.Code.EndsWith(Code, StringComparison.Ordinal)))
        // "CLM-0048213" and "claim 48213", "2024-CG-0071843" and "demande n° 0071843": the number is the code's end.
        || EndsWithNumber(this, other) || EndsWithNumber(other, this);

    private static bool EndsWithNumber(MatterReference code, MatterReference number) =>
        number.Code == number.Digits && number.Digits.TrimStart('0').Length >= 5 && code.Digits.Length > number.Digits.Length
        && code.Digits.TrimStart('0').EndsWith(number.Digits.TrimStart('0'), StringComparison.Ordinal);

    /// <summary>Every reference-shaped code in the text, in order.</summary>
    public static IReadOnlyList<MatterReference> In(string text)
    {
        var found = new List<MatterReference>();
        var plain = Plain(text);
        foreach (Match m in Candidate().Matches(plain))
        {
            var written = m.Value.Trim();
            var code = new string([.. written.Where(char.IsLetterOrDigit)]).ToUpperInvariant();
            var digits = new string([.. code.Where(char.IsAsciiDigit)]);
            var letters = code.Length - digits.Length;
            var mixed = letters > 0 && digits.Length > 0 && code.Length >= 5 && written.Any(char.IsAsciiLetterUpper);
            if (!(digits.Length >= 4 || mixed) || NeverAReference(written, code, plain, m.Index + m.Length))
            {
                continue;
            }
            var before = StemmedText.Fold(plain[Math.Max(0, m.Index - 28)..m.Index].ToLowerInvariant());
            // The nearest word that says what the number is; "n°", "number" and "#" only say that it is one.
            var words = Keyword().Matches(before);
            var said = words.LastOrDefault(w => !w.Groups["filler"].Success);
            var identifies = said is not null
                ? !said.Groups["identity"].Success && (mixed || said.Groups["matter"].Success)
                : mixed || MaskedCard().IsMatch(before) || words.Count > 0 || LongNumber(written, digits, code);
            // "LH1234" on a flight is a flight number, flown every day; "PT-3390" on a voucher is the voucher.
            var flight = FlightLike().IsMatch(code) && FlightWord().IsMatch(StemmedText.Fold(plain[Math.Max(0, m.Index - 40)..Math.Min(plain.Length, m.Index + m.Length + 20)].ToLowerInvariant()));
            found.Add(new MatterReference(written, code, digits, identifies && !flight));
        }
        // A booking code of capitals alone ("QXKTPL") counts only where a booking word introduces it.
        foreach (Match m in Capitals().Matches(plain))
        {
            var before = StemmedText.Fold(plain[Math.Max(0, m.Index - 28)..m.Index].ToLowerInvariant());
            if (Keyword().Matches(before).LastOrDefault(w => !w.Groups["filler"].Success) is { } said && BookingWord().IsMatch(said.Value))
            {
                found.Add(new MatterReference(m.Value, m.Value, "", true));
            }
        }
        return found;
    }

    /// <summary>A number of seven digits or more that is not a phone number: a reference even unannounced.</summary>
    private static bool LongNumber(string written, string digits, string code) =>
        code == digits && digits.Length >= 7 && !(digits.Length == 10 && digits[0] == '0') && !(digits.Length is 11 or 12 && written.Contains(' ', StringComparison.Ordinal) && digits.StartsWith("33", StringComparison.Ordinal)) && !PhoneGroups().IsMatch(written);

    /// <summary>Whether the code is a date ("12/05", "12/05/2024", "2024-05-12", "05/2024") or a time ("8h12").</summary>
    private static bool IsDate(string written)
    {
        if (Time().IsMatch(written))
        {
            return true;
        }
        var parts = written.Split('/', '.', '-');
        if (parts.Length is < 2 or > 3 || parts.Any(p => p.Length == 0 || !p.All(char.IsAsciiDigit)))
        {
            return false;
        }
        var n = parts.Select(p => int.Parse(p, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        static bool Year(string p, int v) => p.Length == 2 || (p.Length == 4 && v is >= 1900 and <= 2199);
        static bool DayMonth(int d, int m) => d is >= 1 and <= 31 && m is >= 1 and <= 12;
        return parts.Length == 2
            ? (DayMonth(n[0], n[1]) && parts[0].Length <= 2 && parts[1].Length <= 2) || (n[0] is >= 1 and <= 12 && parts[0].Length <= 2 && parts[1].Length == 4 && Year(parts[1], n[1]))
            : (DayMonth(n[0], n[1]) && parts[0].Length <= 2 && parts[1].Length <= 2 && Year(parts[2], n[2]))
              || (parts[0].Length == 4 && Year(parts[0], n[0]) && DayMonth(n[2], n[1]));
    }

    /// <summary>Amounts, dates, years, times, case references and postcodes, which look like references and are not.</summary>
    private static bool NeverAReference(string written, string code, string text, int end) =>
        Amount().IsMatch(text.AsSpan(end, Math.Min(12, text.Length - end)))
        || IsDate(written)
        || Year().IsMatch(code)
        || UkPostcode().IsMatch(written)
        || Email.CaseReferenceToken.Find(written) is not null;

    private static string Plain(string text) => Dashes().Replace(text, "-").Replace('\u00a0', ' ').Replace('\u202f', ' ').Replace('’', '\'');

    // A code: an optional prefix of up to five capitals, a digit, then letters and digits joined by -, / or .,
    // or by a single space before more digits ("FAC 2024 118734", "PDL 14 2589 6321 0045", "1Z 999 AA1 0123"),
    // and a last group of capitals after a space ("GH 482 KL", "KX19 ABD").
    [GeneratedRegex(@"(?<![\p{L}\p{N}])(?:[A-Z]{1,5}[ -]?)?\d[A-Za-z0-9]*(?:(?:[-/.]|[ ](?=\d|[A-Z]{1,3}\d))[A-Za-z0-9]+)*(?:[ ][A-Z]{2,3}(?![\p{L}\p{N}]))?(?![\p{L}\p{N}])", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Candidate();

    // The nearest word before a code says what it is. Matter words make a bare number a reference; identity words never.
    [GeneratedRegex(@"(?<identity>\b(client|cliente|customer|account|compte|adherent|member|membre|abonne|subscriber|fidelite|loyalty|siret|siren|tva|vat|iban|rib|bic|telephone|tel|phone|mobile|portable|fax|gsm|whatsapp|ligne|line|appeler|rappeler|call|joindre|joignable|au|contrat|contract|police|policy|abonnement|subscription|plan|forfait)\b)|(?<matter>\b(commande|cde|cmd|colis|suivi|tracking|envoi|expedition|reservation|resa|booking|dossier|file|billet|ticket|facture|invoice|avoir|sinistre|claim|reference|ref|serie|serial|immatricul\w*|registration|plate|pnr|order|parcel|package|shipment|confirmation|bon|pdl|prm|intervention|reclamation|complaint|lot|imei|carte|card|devis|quote|estimate|report|signalement|incident|locator|code|ending|terminant|finissant|termine|finit)\b)|(?<filler>\b(numero|number|nr|num)\b|n°|nº|no\.|#)", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Keyword();

    [GeneratedRegex(@"[*xX•·]{2,}\s?$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex MaskedCard();

    // An airline's two-character code and a number: the same flight number flies every day.
    [GeneratedRegex(@"\b(vol|vols|flight|flights|flug|vuelo|volo|avion|plane|aeroport|airport|escale|correspondance|connection|embarquement|boarding)\b", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex FlightWord();

    [GeneratedRegex(@"^[A-Z]{2}\d{1,4}$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex FlightLike();

    [GeneratedRegex(@"^\s?(€|eur\b|euros?\b|\$|£|usd\b|gbp\b|chf\b|kwh\b|wh\b|km\b|kg\b|go\b|gb\b|mo\b|mb\b|%|m²|m2\b|m3\b|h\b|min\b|ans?\b|years?\b|jours?\b|days?\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Amount();

    [GeneratedRegex(@"^\d{1,2}[h:]\d{2}$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Time();

    [GeneratedRegex(@"^\d{2}([ .]\d{2}){4}$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex PhoneGroups();

    [GeneratedRegex(@"(?<![\p{L}\p{N}])[A-Z]{5,8}(?![\p{L}\p{N}])", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Capitals();

    [GeneratedRegex(@"^(dossier|booking|reservation|resa|pnr|reference|ref|confirmation|billet|ticket)$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex BookingWord();

    [GeneratedRegex(@"^(19|20)\d{2}$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Year();

    [GeneratedRegex(@"^[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex UkPostcode();

    [GeneratedRegex(@"[\u2010-\u2015\u2212]", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Dashes();
}
