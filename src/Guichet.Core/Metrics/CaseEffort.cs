namespace Guichet.Core.Metrics;

/// <summary>
/// What one case asked of its customer (SPEC M2): the contacts they made, how often they changed
/// channel, were transferred, had to explain again or were told to go elsewhere, how long they
/// waited for a person and for the solution. The five irritants customers name most are flags.
/// </summary>
public sealed record CaseEffort(
    long CaseId,
    string Reference,
    string Team,
    string? Owner,
    Channel Channel,
    DateTimeOffset CreatedAt,
    int Contacts,
    int ChannelSwitches,
    int Transfers,
    int ReExplanations,
    int HotlineRedirects,
    bool CalledAfterWritingOnline,
    double? FirstHumanAnswerHours,
    double? ResolutionHours,
    int? SaidEffort)
{
    /// <summary>An effort score above this, when the customer did not say, counts as high effort.</summary>
    public const int HighEffortScore = 3;
    /// <summary>On the CES scale of 1 (very easy) to 7 (very hard), this and above is high effort.</summary>
    public const int HighSaidEffort = 5;

    public int RepeatContacts => Math.Max(0, Contacts - 1);

    /// <summary>Each thing the customer had to do more than once: a repeat contact, a switch, a transfer, an explanation, a redirect.</summary>
    public int Score => RepeatContacts + ChannelSwitches + Transfers + ReExplanations + HotlineRedirects;

    // The five irritants of SPEC M2, as the source survey names them.
    public bool ReExplained => ReExplanations > 0;
    public bool HighEffort => SaidEffort is { } said ? said >= HighSaidEffort : Score >= HighEffortScore;
    public bool Transferred => Transfers > 0;
    public bool SeveralContacts => Contacts > 1;

    /// <summary>
    /// Channel switches and "left the website to call" from the channels of the customer's
    /// contacts in order: a switch is a contact on another channel than the one before; a call
    /// after a written contact (portal, chat, email, social) is a customer who gave up writing.
    /// </summary>
    public static (int Switches, bool CalledAfterWriting) Path(IReadOnlyList<Channel> contacts)
    {
        int switches = 0;
        bool wrote = false, called = false;
        for (var i = 0; i < contacts.Count; i++)
        {
            if (i > 0 && contacts[i] != contacts[i - 1])
            {
                switches++;
            }
            if (contacts[i] == Channel.Phone)
            {
                called |= wrote;
            }
            else
            {
                wrote = true;
            }
        }
        return (switches, called);
    }
}
