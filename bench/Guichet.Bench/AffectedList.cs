using System.Globalization;

namespace Guichet.Bench;

/// <summary>
/// Issue 8: the list of an incident's affected customers for `guichet import incident`, as an
/// airline would export it: one passenger a row, a third in English, one in ten gold, the fare paid.
/// </summary>
public static class AffectedList
{
    public static void Write(string path, int count, int seed)
    {
        var random = new Random(seed);
        using var writer = new StreamWriter(path);
        writer.WriteLine("email,name,language,tier,paid");
        for (var i = 0; i < count; i++)
        {
            var language = i % 3 == 0 ? "en" : "fr";
            var tier = i % 10 == 0 ? "gold" : "standard";
            var paid = (random.Next(4_000, 90_000) / 100m).ToString("0.00", CultureInfo.InvariantCulture);
            writer.WriteLine(FormattableString.Invariant($"passenger{i}@affected.example,\"Passager {i}\",{language},{tier},{paid}"));
        }
    }
}
