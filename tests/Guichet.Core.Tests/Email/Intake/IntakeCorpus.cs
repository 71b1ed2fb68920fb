using System.Text.Json;

namespace Guichet.Core.Tests.Email.Intake;

/// <summary>The intake's fixture corpus (tests/Guichet.IntegrationTests/Email/Corpus), read for the steps' own tests.</summary>
internal static class IntakeCorpus
{
    internal sealed record Entry(string File, string Class, string Outcome, string? Sender, string? Subject, string? Text, string[] Files, string? Group, string? Note)
    {
        public string Folder { get; init; } = "";
        public string Name => $"{Path.GetFileName(Folder)}/{File}";
        public byte[] Raw() => System.IO.File.ReadAllBytes(Path.Combine(Folder, File));
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IReadOnlyList<Entry> All { get; } = Directory.GetDirectories(Path.Combine(AppContext.BaseDirectory, "Email", "Corpus")).Order(StringComparer.Ordinal)
        .SelectMany(folder => File.ReadLines(Path.Combine(folder, "expected.jsonl")).Where(l => l.Length > 0)
            .Select(l => JsonSerializer.Deserialize<Entry>(l, Json)! with { Folder = folder }))
        .OrderBy(e => e.Folder, StringComparer.Ordinal).ThenBy(e => e.File, StringComparer.Ordinal)
        .ToList();

    public static Entry Named(string file) => All.Single(e => e.File == file);
}
