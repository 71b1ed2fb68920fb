using Guichet.Core.Imports;

namespace Guichet.Core.Tests.Imports;

/// <summary>Issue 28: Zammad's custom ticket attributes as fields, and each ticket's values keyed by the field's id.</summary>
public sealed class ZammadExportFieldTests
{
    [Fact]
    public async Task Each_data_type_becomes_its_kind_and_lists_keep_their_labels()
    {
        var fields = (await ZammadExportTests.SampleAsync()).OfType<ImportedField>().ToDictionary(f => f.ExternalId);
        Assert.Equal(FieldKind.Text, fields["contract_ref"].Kind);
        Assert.Equal(FieldKind.Number, fields["device_count"].Kind);
        Assert.Equal(FieldKind.Date, fields["delivery_date"].Kind);
        Assert.Equal(FieldKind.YesNo, fields["warranty_active"].Kind);
        Assert.Equal(FieldKind.Text, fields["internal_summary"].Kind);
        Assert.Equal(("Gamme produit", FieldKind.List), (fields["product_line"].Label, fields["product_line"].Kind));
        Assert.Equal([("caisse", "Caisse"), ("imprimante", "Imprimante"), ("app", "Application")], fields["product_line"].Options);
        Assert.Equal(FieldKind.Multi, fields["affected_modules"].Kind);
        Assert.Contains(("tva", "TVA"), fields["affected_modules"].Options);
    }

    [Fact]
    public async Task Values_are_the_stored_ones_as_invariant_text()
    {
        var printer = (await ZammadExportTests.CaseAsync("103")).Fields;
        Assert.Equal("2", printer["device_count"]);
        Assert.Equal("imprimante", printer["product_line"]);
        Assert.Equal("true", printer["warranty_active"]);
        Assert.Equal("Capteur papier défectueux.\nRemplacement sous garantie.", printer["internal_summary"]);
        // An empty text or an empty choice is no value.
        Assert.False(printer.ContainsKey("contract_ref"));
        Assert.False(printer.ContainsKey("affected_modules"));
        var delivery = (await ZammadExportTests.CaseAsync("101")).Fields;
        Assert.Equal(("CT-2019-044", "2024-03-04", "false"), (delivery["contract_ref"], delivery["delivery_date"], delivery["warranty_active"]));
        Assert.Equal("tva\nexport", (await ZammadExportTests.CaseAsync("102")).Fields["affected_modules"]);
    }

    [Fact]
    public async Task Every_value_belongs_to_a_field_that_was_read()
    {
        var records = await ZammadExportTests.SampleAsync();
        var ids = records.OfType<ImportedField>().Select(f => f.ExternalId).ToHashSet();
        Assert.All(records.OfType<ImportedCase>().SelectMany(c => c.Fields.Keys), key => Assert.Contains(key, ids));
    }
}
