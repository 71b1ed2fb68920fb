using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Guichet.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CaseTagsAndSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CaseTags",
                columns: table => new
                {
                    CaseId = table.Column<long>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseTags", x => new { x.CaseId, x.Name });
                    table.ForeignKey(
                        name: "FK_CaseTags_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CaseTags_Name_CaseId",
                table: "CaseTags",
                columns: new[] { "Name", "CaseId" });

            // The search box (W3): case subjects and customer names in full-text tables kept by triggers, as messages are (decision 0016).
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE CaseSearch USING fts5(Subject, content='Cases', content_rowid='Id', tokenize='unicode61 remove_diacritics 2');
                CREATE TRIGGER Cases_search_ai AFTER INSERT ON Cases BEGIN
                    INSERT INTO CaseSearch(rowid, Subject) VALUES (new.Id, new.Subject);
                END;
                CREATE TRIGGER Cases_search_ad AFTER DELETE ON Cases BEGIN
                    INSERT INTO CaseSearch(CaseSearch, rowid, Subject) VALUES ('delete', old.Id, old.Subject);
                END;
                CREATE TRIGGER Cases_search_au AFTER UPDATE OF Subject ON Cases BEGIN
                    INSERT INTO CaseSearch(CaseSearch, rowid, Subject) VALUES ('delete', old.Id, old.Subject);
                    INSERT INTO CaseSearch(rowid, Subject) VALUES (new.Id, new.Subject);
                END;
                INSERT INTO CaseSearch(rowid, Subject) SELECT Id, Subject FROM Cases;
                CREATE VIRTUAL TABLE CustomerSearch USING fts5(Name, content='Customers', content_rowid='Id', tokenize='unicode61 remove_diacritics 2');
                CREATE TRIGGER Customers_search_ai AFTER INSERT ON Customers BEGIN
                    INSERT INTO CustomerSearch(rowid, Name) VALUES (new.Id, new.Name);
                END;
                CREATE TRIGGER Customers_search_ad AFTER DELETE ON Customers BEGIN
                    INSERT INTO CustomerSearch(CustomerSearch, rowid, Name) VALUES ('delete', old.Id, old.Name);
                END;
                CREATE TRIGGER Customers_search_au AFTER UPDATE OF Name ON Customers BEGIN
                    INSERT INTO CustomerSearch(CustomerSearch, rowid, Name) VALUES ('delete', old.Id, old.Name);
                    INSERT INTO CustomerSearch(rowid, Name) VALUES (new.Id, new.Name);
                END;
                INSERT INTO CustomerSearch(rowid, Name) SELECT Id, Name FROM Customers;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER Cases_search_ai; DROP TRIGGER Cases_search_ad; DROP TRIGGER Cases_search_au; DROP TABLE CaseSearch;
                DROP TRIGGER Customers_search_ai; DROP TRIGGER Customers_search_ad; DROP TRIGGER Customers_search_au; DROP TABLE CustomerSearch;
                """);
            migrationBuilder.DropTable(
                name: "CaseTags");
        }
    }
}
