using Microsoft.EntityFrameworkCore;

namespace Guichet.Core.Data;

/// <summary>For scale: many stateless app nodes on one PostgreSQL.</summary>
public sealed class PostgresGuichetDb(DbContextOptions<PostgresGuichetDb> options) : GuichetDb(options);
