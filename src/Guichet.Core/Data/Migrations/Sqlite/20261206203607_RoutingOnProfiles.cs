using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Guichet.Core.Data.Migrations.Sqlite
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
                type: "TEXT",
                maxLength: 565,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Organisation",
                table: "RoutingRules",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ProfileTag",
                table: "RoutingRules",
                type: "TEXT",
                maxLength: 50,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Tags",
                table: "RoutingRules",
                type: "TEXT",
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
