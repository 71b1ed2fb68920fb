using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Guichet.Core.Data.Migrations.Sqlite
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
                type: "TEXT",
                maxLength: 32,
                nullable: false,
                defaultValue: "Reply");

            // Kinds for messages written before they had one.
            migrationBuilder.Sql("UPDATE \"Messages\" SET \"Kind\" = 'Contact' WHERE \"Direction\" = 'In';");
            migrationBuilder.Sql("UPDATE \"Messages\" SET \"Kind\" = 'DelayNotice' WHERE \"Id\" IN (SELECT \"NoticeMessageId\" FROM \"PromiseRenegotiations\" WHERE \"NoticeMessageId\" IS NOT NULL);");
            migrationBuilder.Sql("UPDATE \"Messages\" SET \"Kind\" = 'Acknowledgment' WHERE \"IsAutomatic\" = 1 AND \"Kind\" = 'Reply' AND \"PromiseId\" IS NOT NULL;");
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
