using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Guichet.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class FilesCcSideConversations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "AttachmentLimitBytes",
                table: "Teams",
                type: "INTEGER",
                nullable: false,
                defaultValue: 7000000L);

            migrationBuilder.AddColumn<string>(
                name: "Bcc",
                table: "Messages",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Cc",
                table: "Messages",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "HasHtml",
                table: "Messages",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "ThirdParty",
                table: "Messages",
                type: "TEXT",
                maxLength: 320,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Copied",
                table: "Cases",
                type: "TEXT",
                maxLength: 2000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AlterColumn<long>(
                name: "InboundEmailId",
                table: "Attachments",
                type: "INTEGER",
                nullable: true,
                oldClrType: typeof(long),
                oldType: "INTEGER");

            migrationBuilder.AddColumn<long>(
                name: "StoredFileId",
                table: "Attachments",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Files",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseId = table.Column<long>(type: "INTEGER", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UploadedById = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Files", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Files_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_InboundEmails_MessageId",
                table: "InboundEmails",
                column: "MessageId");

            migrationBuilder.CreateIndex(
                name: "IX_Attachments_StoredFileId",
                table: "Attachments",
                column: "StoredFileId");

            migrationBuilder.CreateIndex(
                name: "IX_Files_CaseId",
                table: "Files",
                column: "CaseId");

            migrationBuilder.AddForeignKey(
                name: "FK_Attachments_Files_StoredFileId",
                table: "Attachments",
                column: "StoredFileId",
                principalTable: "Files",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Attachments_Files_StoredFileId",
                table: "Attachments");

            migrationBuilder.DropTable(
                name: "Files");

            migrationBuilder.DropIndex(
                name: "IX_InboundEmails_MessageId",
                table: "InboundEmails");

            migrationBuilder.DropIndex(
                name: "IX_Attachments_StoredFileId",
                table: "Attachments");

            migrationBuilder.DropColumn(
                name: "AttachmentLimitBytes",
                table: "Teams");

            migrationBuilder.DropColumn(
                name: "Bcc",
                table: "Messages");

            migrationBuilder.DropColumn(
                name: "Cc",
                table: "Messages");

            migrationBuilder.DropColumn(
                name: "HasHtml",
                table: "Messages");

            migrationBuilder.DropColumn(
                name: "ThirdParty",
                table: "Messages");

            migrationBuilder.DropColumn(
                name: "Copied",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "StoredFileId",
                table: "Attachments");

            migrationBuilder.AlterColumn<long>(
                name: "InboundEmailId",
                table: "Attachments",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L,
                oldClrType: typeof(long),
                oldType: "INTEGER",
                oldNullable: true);
        }
    }
}
