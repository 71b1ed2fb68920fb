using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Guichet.Core.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class OverridableWarnings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "OverridableWarnings",
                table: "Teams",
                type: "text",
                nullable: false,
                defaultValue: "Q3.language,C3.redirect,P2.undated,P4.excuse,E4.template");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "OverridableWarnings",
                table: "Teams");
        }
    }
}
