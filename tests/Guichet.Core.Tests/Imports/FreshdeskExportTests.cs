using Guichet.Core.Imports;
using Guichet.Core.Imports.Freshdesk;

namespace Guichet.Core.Tests.Imports;

/// <summary>The sample export read whole: what comes out, in which order, and the people and settings before the tickets.</summary>
public class FreshdeskExportTests
{
    private static readonly Type[] Order =
        [typeof(ImportedTeam), typeof(ImportedField), typeof(ImportedOrganisation), typeof(ImportedPerson), typeof(ImportedCase), typeof(ImportedRating), typeof(ImportedArticle)];

    [Fact]
    public async Task Every_record_comes_after_what_it_refers_to_and_only_the_trashed_ticket_is_refused()
    {
        var reader = new FreshdeskExport(FreshdeskSample.Folder);
        var records = await FreshdeskSample.ReadAsync(reader, TestContext.Current.CancellationToken);

        var kinds = records.Where(r => r is not RefusedRecord).Select(r => Array.IndexOf(Order, r.GetType())).ToList();
        Assert.Equal(kinds.Order(), kinds);
        Assert.Equal([3, 8, 4, 13, 14, 4, 6], Order.Select(t => records.Count(r => r.GetType() == t)));
        var refused = Assert.Single(records.OfType<RefusedRecord>());
        Assert.Equal(("ticket", "314"), (refused.Kind, refused.ExternalId));
        Assert.Equal(42, records.OfType<ImportedCase>().Sum(c => c.Comments.Count - 1));
        Assert.Equal(("freshdesk", 1.0), (reader.Source, reader.Done));
    }

    [Fact]
    public async Task Custom_fields_are_named_as_tickets_refer_to_them_with_their_kind_and_choices()
    {
        var fields = (await FreshdeskSample.AllAsync()).OfType<ImportedField>().ToDictionary(f => f.ExternalId);

        Assert.Equal(
            new Dictionary<string, FieldKind>
            {
                ["cf_order_number"] = FieldKind.Text, ["cf_terminals"] = FieldKind.Number, ["cf_delivery_date"] = FieldKind.Date, ["cf_category"] = FieldKind.List,
                ["cf_vip"] = FieldKind.YesNo, ["cf_modules"] = FieldKind.Multi, ["cf_refund_amount"] = FieldKind.Number, ["cf_internal_notes"] = FieldKind.Text,
            },
            fields.ToDictionary(f => f.Key, f => f.Value.Kind));
        Assert.Equal("Catégorie", fields["cf_category"].Label);
        Assert.Equal([("Livraison", "Livraison"), ("Facturation", "Facturation"), ("Terminal de paiement", "Terminal de paiement"), ("Compte", "Compte")],
            fields["cf_category"].Options);
        Assert.Equal(["Ventes", "Stock", "Fidélité", "Export"], fields["cf_modules"].Options.Select(o => o.Value));
        Assert.Empty(fields["cf_terminals"].Options);
    }

    [Fact]
    public async Task Groups_and_companies_keep_their_names_domains_and_notes()
    {
        var records = await FreshdeskSample.AllAsync();

        Assert.Equal(["Accueil / Front desk", "Facturation", "Interventions terrain"], records.OfType<ImportedTeam>().Select(t => t.Name));
        var companies = records.OfType<ImportedOrganisation>().ToDictionary(o => o.ExternalId);
        Assert.Equal(["solarkiosk.example.com", "solar-kiosk.example.com"], companies["48000000504"].Domains);
        Assert.Equal("Fromagerie, 2 points de vente", companies["48000000501"].Notes);
        Assert.Null(companies["48000000503"].Notes);
    }
}
