using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Guichet.Core.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class MessageKind : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Kind",
                table: "Messages",
                type: "character varying(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "Reply");

            // Kinds for messages written before they had one.
            migrationBuilder.Sql("UPDATE \"Messages\" SET \"Kind\" = 'Contact' WHERE \"Direction\" = 'In';");
            migrationBuilder.Sql("UPDATE \"Messages\" SET \"Kind\" = 'DelayNotice' WHERE \"Id\" IN (SELECT \"NoticeMessageId\" FROM \"PromiseRenegotiations\" WHERE \"NoticeMessageId\" IS NOT NULL);");
            migrationBuilder.Sql("UPDATE \"Messages\" SET \"Kind\" = 'Acknowledgment' WHERE \"IsAutomatic\" AND \"Kind\" = 'Reply' AND \"PromiseId\" IS NOT NULL;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Kind",
                table: "Messages");
        }
    }
}
