using Guichet.Core.Agents;
using Guichet.Core.Cases;
using Guichet.Core.Data;
using Guichet.Core.Email;

namespace Guichet.Features.Email;

public static class InboundMailVisibility
{
    /// <summary>Stored mail is seen with its case; mail that reached no case (held, quarantined, noise) by those who see every team (issue 21).</summary>
    public static IQueryable<InboundEmail> SeenBy(this IQueryable<InboundEmail> mail, GuichetDb db, Agent? viewer)
    {
        var caseless = viewer.SeesCaseless();
        var visible = db.Cases.VisibleTo(viewer).Select(c => c.Id);
        return mail.Where(e => e.CaseId == null ? caseless : visible.Contains(e.CaseId.Value));
    }
}
