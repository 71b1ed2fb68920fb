using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Guichet.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SocialPosts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<double>(
                name: "PublicResponseBusinessHours",
                table: "Teams",
                type: "REAL",
                nullable: false,
                defaultValue: 1.0);

            migrationBuilder.CreateTable(
                name: "SocialPosts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Platform = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    EventId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    PostId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    AuthorHandle = table.Column<string>(type: "TEXT", maxLength: 140, nullable: false),
                    AuthorName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Text = table.Column<string>(type: "TEXT", nullable: false),
                    Url = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    PostedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Class = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Rule = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    HiddenBecause = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    CaseId = table.Column<long>(type: "INTEGER", nullable: true),
                    MessageId = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SocialPosts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SocialPosts_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SocialPosts_CaseId",
                table: "SocialPosts",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_SocialPosts_Class_ReceivedAt",
                table: "SocialPosts",
                columns: new[] { "Class", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_SocialPosts_Platform_EventId",
                table: "SocialPosts",
                columns: new[] { "Platform", "EventId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SocialPosts");

            migrationBuilder.DropColumn(
                name: "PublicResponseBusinessHours",
                table: "Teams");
        }
    }
}
