using Guichet.Core.Agents;
using Guichet.Core.Cases.Tags;

namespace Guichet.Core.Cases;

// W5: the tags on a case.
public sealed partial class Case
{
    public List<CaseTag> Tags { get; set; } = [];

    /// <summary>Adds and removes tags (already normalised); each real change is one event on the timeline.</summary>
    public void Retag(IReadOnlyCollection<string> add, IReadOnlyCollection<string> remove, Agent? by, DateTimeOffset now)
    {
        var added = add.Where(name => !remove.Contains(name) && Tags.All(t => t.Name != name)).ToList();
        var removed = Tags.Where(t => remove.Contains(t.Name)).ToList();
        foreach (var name in added)
        {
            Tags.Add(new CaseTag { CaseId = Id, Name = name });
        }
        foreach (var tag in removed)
        {
            Tags.Remove(tag);
        }
        if (added.Count > 0)
        {
            Events.Add(CaseEvent.Create(CaseEventKind.Tagged, now, by, null, string.Join(",", added)));
        }
        if (removed.Count > 0)
        {
            Events.Add(CaseEvent.Create(CaseEventKind.Untagged, now, by, string.Join(",", removed.Select(t => t.Name)), null));
        }
        if (added.Count + removed.Count > 0)
        {
            UpdatedAt = now;
        }
    }
}
