using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Guichet.Core.Data;

// Used only by `dotnet ef migrations add`; the running app configures the contexts in DatabaseSetup.
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteGuichetDb>
{
    public SqliteGuichetDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteGuichetDb>().UseSqlite("Data Source=design.db").Options);
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresGuichetDb>
{
    public PostgresGuichetDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresGuichetDb>().UseNpgsql("Host=localhost;Database=design").Options);
}
