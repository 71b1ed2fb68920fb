using Guichet.Core.Imports;
using Guichet.Core.Imports.Freshdesk;

namespace Guichet.Core.Tests.Imports;

/// <summary>Agents and contacts share one id space; the odd ones are the README's deleted, unverified and former agents.</summary>
public class FreshdeskPeopleTests
{
    [Fact]
    public async Task An_agent_comes_from_its_nested_contact_with_its_first_group()
    {
        var ines = await FreshdeskSample.PersonAsync("48000000001");

        Assert.Equal(("Inès Moreau", true, false, true, "fr", "48000000601"), (ines.Name, ines.IsAgent, ines.IsAdmin, ines.Active, ines.Language, ines.TeamExternalId));
        Assert.Equal(["ines.moreau@guichet-support.example.com"], ines.Emails);
        Assert.Empty(ines.Phones);
    }

    [Fact]
    public async Task A_contact_brings_every_address_phone_and_company()
    {
        var marieAnne = await FreshdeskSample.PersonAsync("48000000103");
        var gabriel = await FreshdeskSample.PersonAsync("48000000101");

        Assert.Equal(["marie-anne.leveque@pharmacie-centre.example.com", "ma.leveque@example.net"], marieAnne.Emails);
        Assert.Equal((false, true, "fr"), (marieAnne.IsAgent, marieAnne.Active, marieAnne.Language));
        Assert.Equal(["48000000503"], marieAnne.OrganisationExternalIds);
        Assert.Equal(["+33 2 99 00 00 01"], gabriel.Phones);
        Assert.Equal("Noah Schmidt-Øberg", (await FreshdeskSample.PersonAsync("48000000106")).Name);
    }

    [Fact]
    public async Task Unverified_and_trashed_contacts_are_inactive_customers()
    {
        var aisha = await FreshdeskSample.PersonAsync("48000000105");
        var deleted = await FreshdeskSample.PersonAsync("48000000108");

        Assert.Equal(("Aïsha Diallo", false, false), (aisha.Name, aisha.IsAgent, aisha.Active));
        Assert.Equal((false, false), (deleted.IsAgent, deleted.Active));
        Assert.Empty(deleted.OrganisationExternalIds);
    }

    [Fact]
    public async Task A_contact_who_wrote_private_notes_is_a_former_agent()
    {
        var bastien = await FreshdeskSample.PersonAsync("48000000005");

        Assert.Equal((true, false, false), (bastien.IsAgent, bastien.IsAdmin, bastien.Active));
    }

    [Fact]
    public async Task A_user_known_only_from_a_note_is_not_invented()
    {
        var records = await FreshdeskSample.AllAsync();

        Assert.DoesNotContain(records.OfType<ImportedPerson>(), p => p.ExternalId == "48000000999");
        Assert.Contains((await FreshdeskSample.CaseAsync("312")).Comments, c => c.AuthorExternalId == "48000000999" && !c.Public);
    }

    [Fact]
    public async Task An_agent_holding_an_administrator_role_is_an_admin()
    {
        var folder = Directory.CreateTempSubdirectory("freshdesk-");
        try
        {
            File.WriteAllText(Path.Combine(folder.FullName, "tickets.json"), "[]");
            File.WriteAllText(Path.Combine(folder.FullName, "roles.json"), """[{"id": 1, "name": "Account Administrator"}, {"id": 2, "name": "Agent"}]""");
            File.WriteAllText(Path.Combine(folder.FullName, "agents.json"), """[{"id": 10, "role_ids": [2, 1], "contact": {"name": "A"}}, {"id": 11, "role_ids": [2], "contact": {"name": "B"}}]""");

            var people = await FreshdeskSample.ReadAsync(new FreshdeskExport(folder.FullName), TestContext.Current.CancellationToken);

            Assert.Equal([true, false], people.OfType<ImportedPerson>().Select(p => p.IsAdmin));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
