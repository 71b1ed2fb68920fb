using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Guichet.Core.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class TeamVocabularies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ExcusePhrases",
                table: "Teams",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "RedirectPhrases",
                table: "Teams",
                type: "text",
                nullable: false,
                defaultValue: "");

            // Teams that kept the shipped major problems get the new vocabulary (issue 23).
            migrationBuilder.Sql(Guichet.Core.Routing.MajorProblems.UpgradeSql);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ExcusePhrases",
                table: "Teams");

            migrationBuilder.DropColumn(
                name: "RedirectPhrases",
                table: "Teams");
        }
    }
}
