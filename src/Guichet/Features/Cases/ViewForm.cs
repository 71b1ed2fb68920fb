using System.Globalization;
using Guichet.Core.Cases.Views;

namespace Guichet.Features.Cases;

/// <summary>A view's form (the inbox's quick save, or the view's page) read as the API's request.</summary>
public static class ViewForm
{
    public static ViewRequest RequestOf(IFormCollection form)
    {
        string? Text(string name) => form.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v) ? v.ToString().Trim() : null;
        var fields = form.Where(f => f.Key.StartsWith(ViewColumns.FieldPrefix, StringComparison.Ordinal))
            .ToDictionary(f => f.Key[ViewColumns.FieldPrefix.Length..], f => (string?)f.Value.ToString());
        var columns = form.TryGetValue("columns", out var chosen) ? chosen.Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c!).ToList() : null;
        // A number the browser could not send as one is kept out of the request and named as refused by the view's rules.
        int? hours = Text("dueWithinHours") is { } h ? int.TryParse(h, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : 0 : null;
        long? organisation = Text("organisation") is { } o ? long.TryParse(o, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) ? id : -1 : null;
        return new ViewRequest(Text("name"), Text("share"), Text("status"), Text("team"), Text("owner"), Text("tag"), Text("priority"), Text("channel"),
            hours, Text("customerWaiting") == "true", Text("sort"), organisation, fields, columns);
    }
}
