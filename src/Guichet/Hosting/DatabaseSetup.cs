using Guichet.Core.Data;
using Guichet.Core.Live;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Hosting;

public static class DatabaseSetup
{
    public static IServiceCollection AddGuichetDatabase(this IServiceCollection services, ServeOptions options)
    {
        services.AddSingleton(new Core.Email.MailIntakeSettings(options.MaxMessageBytes));
        // Every write becomes a live signal (W1); where nothing listens (the CLI) it goes nowhere.
        services.TryAddSingleton<ILiveBus, LocalLiveBus>();
        services.TryAddSingleton<CaseChanges>();
        services.TryAddSingleton<LiveChanges>();
        services.TryAddSingleton<Core.Customers.CustomerStamps>();
        // SQLite's one writer: the process's writes take turns, people's first (issue 29).
        services.TryAddSingleton<WriteTurns>();
        services.TryAddSingleton<WriteTurnsInterceptor>();
        // A save that changes an agent or a token forgets the bearer tokens checked (decision 0043).
        services.TryAddSingleton<Auth.VerifiedTokens>();
        services.TryAddSingleton<Auth.VerifiedTokens.OnChanges>();
        if (options.UsesPostgres)
        {
            services.AddDbContext<GuichetDb, PostgresGuichetDb>((sp, db) => Quiet(db.UseNpgsql(options.Database)).AddInterceptors(sp.GetRequiredService<LiveChanges>(), sp.GetRequiredService<Core.Customers.CustomerStamps>(),
                sp.GetRequiredService<Auth.VerifiedTokens.OnChanges>()));
        }
        else
        {
            var connection = SqliteConnectionString(options.DataDir);
            services.AddDbContext<GuichetDb, SqliteGuichetDb>((sp, db) =>
            {
                Quiet(db.UseSqlite(connection));
                db.AddInterceptors(options.Disposable ? SqlitePragmas.Disposable : SqlitePragmas.Durable, sp.GetRequiredService<LiveChanges>(), sp.GetRequiredService<Core.Customers.CustomerStamps>(),
                    sp.GetRequiredService<WriteTurnsInterceptor>(), sp.GetRequiredService<Auth.VerifiedTokens.OnChanges>());
            });
        }
        return services;
    }

    // A count bounded by Take (CaseCounts) needs no order: ordering it would make the database sort
    // or walk the key instead of the filter's index.
    private static DbContextOptionsBuilder Quiet(DbContextOptionsBuilder db) =>
        db.ConfigureWarnings(w => w.Ignore(Microsoft.EntityFrameworkCore.Diagnostics.CoreEventId.RowLimitingOperationWithoutOrderByWarning));

    /// <summary>The embedded database's file in its data folder.</summary>
    public static string DatabaseFile(string dataDir) => Path.Combine(Path.GetFullPath(dataDir), "guichet.db");

    public static string SqliteConnectionString(string dataDir)
    {
        Directory.CreateDirectory(dataDir);
        return new SqliteConnectionStringBuilder
        {
            DataSource = DatabaseFile(dataDir),
            // Writers wait for each other instead of failing with "database is locked".
            DefaultTimeout = 30,
            Pooling = true,
        }.ToString();
    }

    /// <summary>Creates or upgrades the schema, then makes sure a team and the API's admin exist.</summary>
    public static async Task PrepareAsync(IServiceProvider services, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GuichetDb>();
        if (db is SqliteGuichetDb)
        {
            // WAL lets the inbox read while a case is written; it is a property of the file, set once.
            await db.Database.OpenConnectionAsync(ct);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
            await db.Database.CloseConnectionAsync();
        }
        await SquashedHistory.AdoptAsync(db, ct);
        await db.Database.MigrateAsync(ct);
        await Bootstrap.RunAsync(db, ct);
    }
}
