using System.Text.Json;

namespace Guichet.Features.Metrics;

/// <summary>
/// A Chart.js configuration written by the server and carried in a canvas's data-config
/// attribute (dashboard.js draws it), so the page needs no inline script.
/// </summary>
public static class ChartSpec
{
    public sealed record Series(string Label, IEnumerable<double?> Data, string Color);

    // Colours that stay apart for colour-blind readers (Okabe–Ito).
    public const string Blue = "#0072B2";
    public const string Orange = "#E69F00";
    public const string Green = "#009E73";
    public const string Red = "#D55E00";
    public const string Purple = "#CC79A7";
    public const string Grey = "#999999";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string Bar(IEnumerable<string> labels, IEnumerable<Series> series, bool stacked = false, bool horizontal = false, string? axis = null, double? max = null) =>
        JsonSerializer.Serialize(new
        {
            type = "bar",
            data = new
            {
                labels = labels.ToList(),
                datasets = series.Select(s => new { label = s.Label, data = s.Data.ToList(), backgroundColor = s.Color }).ToList(),
            },
            options = new
            {
                indexAxis = horizontal ? "y" : "x",
                responsive = true,
                plugins = new { legend = new { display = true, position = "bottom" } },
                scales = new Dictionary<string, object>
                {
                    [horizontal ? "y" : "x"] = new { stacked },
                    [horizontal ? "x" : "y"] = new { stacked, beginAtZero = true, max, title = new { display = axis is not null, text = axis ?? "" } },
                },
            },
        }, Json);
}
