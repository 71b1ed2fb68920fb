using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Guichet.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class KnowledgeBase : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Articles",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 100000, nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    IsPublic = table.Column<bool>(type: "INTEGER", nullable: false),
                    Tags = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    SourceCaseId = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Articles", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Articles_Status_Language",
                table: "Articles",
                columns: new[] { "Status", "Language" });

            // The full-text index (decision 0016): FTS5 tables over articles and over what people
            // wrote on cases (automatic messages are not searched), kept in step by triggers.
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE ArticleSearch USING fts5(Title, Body, Tags, content='Articles', content_rowid='Id', tokenize='unicode61 remove_diacritics 2');
                CREATE TRIGGER Articles_search_ai AFTER INSERT ON Articles BEGIN
                    INSERT INTO ArticleSearch(rowid, Title, Body, Tags) VALUES (new.Id, new.Title, new.Body, new.Tags);
                END;
                CREATE TRIGGER Articles_search_ad AFTER DELETE ON Articles BEGIN
                    INSERT INTO ArticleSearch(ArticleSearch, rowid, Title, Body, Tags) VALUES ('delete', old.Id, old.Title, old.Body, old.Tags);
                END;
                CREATE TRIGGER Articles_search_au AFTER UPDATE ON Articles BEGIN
                    INSERT INTO ArticleSearch(ArticleSearch, rowid, Title, Body, Tags) VALUES ('delete', old.Id, old.Title, old.Body, old.Tags);
                    INSERT INTO ArticleSearch(rowid, Title, Body, Tags) VALUES (new.Id, new.Title, new.Body, new.Tags);
                END;
                CREATE VIRTUAL TABLE MessageSearch USING fts5(Body, content='Messages', content_rowid='Id', tokenize='unicode61 remove_diacritics 2');
                CREATE TRIGGER Messages_search_ai AFTER INSERT ON Messages WHEN new.IsAutomatic = 0 BEGIN
                    INSERT INTO MessageSearch(rowid, Body) VALUES (new.Id, new.Body);
                END;
                CREATE TRIGGER Messages_search_ad AFTER DELETE ON Messages WHEN old.IsAutomatic = 0 BEGIN
                    INSERT INTO MessageSearch(MessageSearch, rowid, Body) VALUES ('delete', old.Id, old.Body);
                END;
                CREATE TRIGGER Messages_search_au AFTER UPDATE OF Body ON Messages WHEN old.IsAutomatic = 0 BEGIN
                    INSERT INTO MessageSearch(MessageSearch, rowid, Body) VALUES ('delete', old.Id, old.Body);
                    INSERT INTO MessageSearch(rowid, Body) VALUES (new.Id, new.Body);
                END;
                INSERT INTO MessageSearch(rowid, Body) SELECT Id, Body FROM Messages WHERE IsAutomatic = 0;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS Messages_search_ai; DROP TRIGGER IF EXISTS Messages_search_ad; DROP TRIGGER IF EXISTS Messages_search_au;
                DROP TABLE IF EXISTS MessageSearch;
                DROP TRIGGER IF EXISTS Articles_search_ai; DROP TRIGGER IF EXISTS Articles_search_ad; DROP TRIGGER IF EXISTS Articles_search_au;
                DROP TABLE IF EXISTS ArticleSearch;
                """);
            migrationBuilder.DropTable(
                name: "Articles");
        }
    }
}
