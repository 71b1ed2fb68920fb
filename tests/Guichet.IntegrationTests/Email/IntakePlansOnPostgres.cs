using System.Data.Common;
using System.Text.Json.Nodes;
using Guichet.Core.Data;
using Guichet.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Guichet.IntegrationTests.Email;

/// <summary>
/// Issue 29: the tests' tables are small, so a statement PostgreSQL runs by reading a whole table
/// costs nothing here and a second a mail at a million messages (the same-matter read did, until
/// it became a lateral join). With sequential scans made the last resort, the plan shows whether
/// an index can serve every table the statement reads.
/// </summary>
public sealed class IntakePlansOnPostgres(PostgresServer server) : IClassFixture<PostgresServer>
{
    [Fact]
    public async Task The_same_matter_read_reaches_every_table_through_an_index()
    {
        server.SkipIfUnavailable();
        var scans = await WholeTableScansAsync(Core.Cases.OpenMatters.OnPostgres, 1L, "New", "Open", "WaitingOnCustomer", "In", false, "SideIn");
        Assert.True(scans.Count == 0, $"read whole: {string.Join(", ", scans)}");
    }

    /// <summary>The tables a statement (parameters @p0, @p1, …) would read whole even with sequential scans disabled.</summary>
    private async Task<List<string>> WholeTableScansAsync(string sql, params object[] values)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GuichetDb>();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlRawAsync("SET LOCAL enable_seqscan = off", ct);
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = tx.GetDbTransaction();
        command.CommandText = "EXPLAIN (FORMAT JSON) " + sql;
        for (var i = 0; i < values.Length; i++)
        {
            DbParameter parameter = command.CreateParameter();
            parameter.ParameterName = $"p{i}";
            parameter.Value = values[i];
            command.Parameters.Add(parameter);
        }
        var plan = JsonNode.Parse((string)(await command.ExecuteScalarAsync(ct))!)!;
        var scans = new List<string>();
        Walk(plan[0]!["Plan"]!);
        return scans;

        void Walk(JsonNode node)
        {
            if ((string?)node["Node Type"] == "Seq Scan")
            {
                scans.Add($"{node["Relation Name"]} {node["Alias"]}");
            }
            foreach (var child in node["Plans"]?.AsArray() ?? [])
            {
                Walk(child!);
            }
        }
    }
}
