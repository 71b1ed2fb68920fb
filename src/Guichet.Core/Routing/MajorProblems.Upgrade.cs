namespace Guichet.Core.Routing;

public sealed partial record MajorProblems
{
    /// <summary>The words every team had before issue 23: exact terms, lost parcels and baggage to the lead.</summary>
    public const string DefaultBeforeVocabularies = """
        lost-parcel | lead | colis perdu, colis egare, colis introuvable, lost parcel, lost package, missing parcel
        lost-baggage | lead | bagage perdu, bagages perdus, valise perdue, valise egaree, lost luggage, lost baggage, lost suitcase, missing luggage
        safety | manager | danger, dangereux, incendie, fuite de gaz, electrocution, blesse, blessee, blessure, brulure, fire, gas leak, injured, injury, unsafe, electric shock
        legal | manager | avocat, tribunal, mise en demeure, plainte, poursuites, lawyer, attorney, court, lawsuit, legal action, sue
        """;

    /// <summary>
    /// The migration's statement: a team that never changed its major problems gets the new
    /// words; one an admin edited keeps its own (its levels are read, and every one now goes to
    /// the manager).
    /// </summary>
    public static string UpgradeSql =>
        $"""UPDATE "Teams" SET "MajorProblems" = '{Default.Replace("'", "''", StringComparison.Ordinal)}' WHERE "MajorProblems" = '{DefaultBeforeVocabularies.Replace("'", "''", StringComparison.Ordinal)}'""";
}
