using Guichet.Core.Cases;

namespace Guichet.Core.Imports.Freshdesk;

/// <summary>Freshdesk's numeric codes (API v2) in Guichet's terms.</summary>
internal static class FreshdeskCodes
{
    /// <summary>
    /// 2 open, 3 pending, 4 resolved, 5 closed; 6 and above are the account's own statuses, known only by
    /// their label (ticket_fields' status choices), so the label decides and an unknown one stays open.
    /// </summary>
    public static ImportedStatus Status(long? code, IReadOnlyDictionary<long, string> customLabels) => code switch
    {
        2 => ImportedStatus.Open,
        3 => ImportedStatus.Pending,
        4 => ImportedStatus.Solved,
        5 => ImportedStatus.Closed,
        { } custom when customLabels.TryGetValue(custom, out var label) => StatusNamed(label),
        _ => ImportedStatus.Open,
    };

    private static ImportedStatus StatusNamed(string label)
    {
        bool Says(string word) => label.Contains(word, StringComparison.OrdinalIgnoreCase);
        if (Says("customer") || Says("pending") || Says("client"))
        {
            return ImportedStatus.Pending;
        }
        if (Says("third party") || Says("hold") || Says("waiting") || Says("attente"))
        {
            return ImportedStatus.OnHold;
        }
        return Says("resolved") || Says("solved") || Says("résolu") ? ImportedStatus.Solved
            : Says("closed") || Says("fermé") ? ImportedStatus.Closed
            : ImportedStatus.Open;
    }

    public static CasePriority Priority(long? code) => code switch
    {
        1 => CasePriority.Low,
        3 => CasePriority.High,
        4 => CasePriority.Urgent,
        _ => CasePriority.Normal,
    };

    /// <summary>
    /// Ticket source: 1 email, 2 portal, 3 phone, 4 forum, 5 Twitter, 6 Facebook, 7 chat, 8 Mobihelp (the
    /// in-app form), 9 feedback widget, 10 outbound email, 11 e-commerce, 12 bot, 13 WhatsApp.
    /// </summary>
    public static Channel TicketChannel(long? source) => source switch
    {
        2 or 4 or 8 or 9 => Channel.Portal,
        3 => Channel.Phone,
        7 or 12 => Channel.Chat,
        5 or 6 or 13 => Channel.Social,
        11 => Channel.Api,
        _ => Channel.Email,
    };

    /// <summary>
    /// Conversation source: 0 reply and 1 email, 8 forwarded email, 9 phone, 3/5/7 social posts, 4/6
    /// survey feedback, 11 e-commerce; a note (2) went nowhere, so it has no channel.
    /// </summary>
    public static Channel? ConversationChannel(long? source) => source switch
    {
        0 or 1 or 8 => Channel.Email,
        9 => Channel.Phone,
        3 or 5 or 7 => Channel.Social,
        4 or 6 => Channel.Portal,
        11 => Channel.Api,
        _ => null,
    };

    /// <summary>
    /// Freshdesk's survey answers run from -103 (extremely unhappy) to 103 (extremely happy), 100 neutral;
    /// a question offers 2, 3, 5 or 7 of those points, and classic surveys answer 1 happy, 2 neutral, 3 unhappy.
    /// Guichet's CSAT counts 4 and 5 as satisfied: the sign must decide which side a rating falls on, so
    /// happy/unhappy are 4/2, "very" and "extremely" both reach the ends (5/1) and neutral is 3. A three-point
    /// question (-103, 100, 103) thereby gives 1, 3, 5. Any other number is not a rating we can read.
    /// </summary>
    public static int? Csat(long rating) => rating switch
    {
        103 or 102 => 5,
        101 => 4,
        100 => 3,
        -101 => 2,
        -102 or -103 => 1,
        1 => 5,
        2 => 3,
        3 => 1,
        _ => null,
    };

    /// <summary>Custom ticket field types; an unknown one (a dependent field, a URL) is kept as text.</summary>
    public static FieldKind Kind(string? type) => type switch
    {
        "custom_number" or "custom_decimal" => FieldKind.Number,
        "custom_date" or "custom_date_time" => FieldKind.Date,
        "custom_dropdown" => FieldKind.List,
        "custom_multi_select_dropdown" => FieldKind.Multi,
        "custom_checkbox" => FieldKind.YesNo,
        _ => FieldKind.Text,
    };
}
