using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Guichet.Core.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Escalations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "MajorProblems",
                table: "Teams",
                type: "text",
                nullable: false,
                defaultValue: "lost-parcel | lead | colis perdu, colis egare, colis introuvable, lost parcel, lost package, missing parcel\nlost-baggage | lead | bagage perdu, bagages perdus, valise perdue, valise egaree, lost luggage, lost baggage, lost suitcase, missing luggage\nsafety | manager | danger, dangereux, incendie, fuite de gaz, electrocution, blesse, blessee, blessure, brulure, fire, gas leak, injured, injury, unsafe, electric shock\nlegal | manager | avocat, tribunal, mise en demeure, plainte, poursuites, lawyer, attorney, court, lawsuit, legal action, sue");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "EscalatedAt",
                table: "Cases",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Escalation",
                table: "Cases",
                type: "character varying(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "None");

            migrationBuilder.AddColumn<string>(
                name: "EscalationCodes",
                table: "Cases",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "EscalationReason",
                table: "Cases",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ReExplanations",
                table: "Cases",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Transfers",
                table: "Cases",
                type: "integer",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "MajorProblems",
                table: "Teams");

            migrationBuilder.DropColumn(
                name: "EscalatedAt",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "Escalation",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "EscalationCodes",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "EscalationReason",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "ReExplanations",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "Transfers",
                table: "Cases");
        }
    }
}
