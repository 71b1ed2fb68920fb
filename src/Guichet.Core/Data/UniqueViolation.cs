namespace Guichet.Core.Data;

/// <summary>A write refused by a unique index, on either database: another writer got there first.</summary>
public static class UniqueViolation
{
    // SQLITE_CONSTRAINT_UNIQUE and SQLITE_CONSTRAINT_PRIMARYKEY; PostgreSQL's unique_violation.
    public static bool Is(Exception e) => e switch
    {
        Microsoft.Data.Sqlite.SqliteException sqlite => sqlite.SqliteExtendedErrorCode is 2067 or 1555,
        Npgsql.PostgresException postgres => postgres.SqlState == Npgsql.PostgresErrorCodes.UniqueViolation,
        Microsoft.EntityFrameworkCore.DbUpdateException { InnerException: { } inner } => Is(inner),
        _ => false,
    };
}
