using Guichet.Core.Imports;

namespace Guichet.Core.Tests.Imports;

/// <summary>Issue 28: Zammad's users as people — roles, the inactive, the deleted and the system user "-".</summary>
public sealed class ZammadExportPeopleTests
{
    private static async Task<Dictionary<string, ImportedPerson>> PeopleAsync() =>
        (await ZammadExportTests.SampleAsync()).OfType<ImportedPerson>().ToDictionary(p => p.ExternalId);

    [Fact]
    public async Task Roles_make_admins_agents_and_customers()
    {
        var people = await PeopleAsync();
        var camille = people["2"];
        Assert.Equal(("Camille Martin", true, true, "fr", "1"), (camille.Name, camille.IsAgent, camille.IsAdmin, camille.Language, camille.TeamExternalId));
        Assert.Equal((true, false, "1"), (people["3"].IsAgent, people["3"].IsAdmin, people["3"].TeamExternalId));
        var elodie = people["10"];
        Assert.Equal((false, null, "fr"), (elodie.IsAgent, elodie.TeamExternalId, elodie.Language));
        Assert.Equal(["elodie.garnier@cafe-des-arts.example.com"], elodie.Emails);
        Assert.Equal(["+33 4 78 00 11 22"], elodie.Phones);
        Assert.Equal(["2"], elodie.OrganisationExternalIds);
        Assert.Equal("Yuki 田中", people["14"].Name);
    }

    [Fact]
    public async Task The_inactive_stay_inactive_and_keep_what_they_did()
    {
        var people = await PeopleAsync();
        Assert.Equal((true, false), (people["5"].IsAgent, people["5"].Active));
        Assert.Equal((false, false), (people["16"].IsAgent, people["16"].Active));
        var closedByJulien = await ZammadExportTests.CaseAsync("112");
        Assert.Equal("5", closedByJulien.AssigneeExternalId);
        Assert.Equal("5", closedByJulien.Comments.Single(c => c.ExternalId == "538").AuthorExternalId);
        Assert.Equal("16", (await ZammadExportTests.CaseAsync("106")).RequesterExternalId);
    }

    [Fact]
    public async Task A_deleted_agent_is_kept_by_id_with_the_name_the_mail_showed()
    {
        var people = await PeopleAsync();
        Assert.False(people.ContainsKey("40"));
        var reply = await ZammadExportTests.CommentAsync("537");
        Assert.Equal(("40", "Ancien Agent", true), (reply.AuthorExternalId, reply.AuthorName, reply.Public));
        // A known author needs no name: the person record has it.
        Assert.Null((await ZammadExportTests.CommentAsync("536")).AuthorName);
    }

    [Fact]
    public async Task The_system_user_is_nobody_and_its_articles_are_system_events()
    {
        Assert.False((await PeopleAsync()).ContainsKey("1"));
        var autoReply = await ZammadExportTests.CommentAsync("502");
        Assert.Equal((null, true, true), (autoReply.AuthorExternalId, autoReply.BySystem, autoReply.Public));
        var autoClose = await ZammadExportTests.CommentAsync("539");
        Assert.Equal((null, true, false), (autoClose.AuthorExternalId, autoClose.BySystem, autoClose.Public));
        Assert.False((await ZammadExportTests.CommentAsync("503")).BySystem);
    }
}
