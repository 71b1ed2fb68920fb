using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Guichet.Core.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class RoutingOnProfiles : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Field",
                table: "RoutingRules",
                type: "character varying(565)",
                maxLength: 565,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Organisation",
                table: "RoutingRules",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ProfileTag",
                table: "RoutingRules",
                type: "character varying(50)",
                maxLength: 50,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Tags",
                table: "RoutingRules",
                type: "character varying(510)",
                maxLength: 510,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Field",
                table: "RoutingRules");

            migrationBuilder.DropColumn(
                name: "Organisation",
                table: "RoutingRules");

            migrationBuilder.DropColumn(
                name: "ProfileTag",
                table: "RoutingRules");

            migrationBuilder.DropColumn(
                name: "Tags",
                table: "RoutingRules");
        }
    }
}
