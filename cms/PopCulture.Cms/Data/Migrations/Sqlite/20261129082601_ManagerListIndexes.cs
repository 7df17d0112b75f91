using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PopCulture.Cms.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ManagerListIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_content_entries_Section_Title",
                table: "content_entries");

            migrationBuilder.DropIndex(
                name: "IX_content_entries_Section_UpdatedAt",
                table: "content_entries");

            migrationBuilder.CreateIndex(
                name: "IX_content_entries_Section_Status_UpdatedAt_Id",
                table: "content_entries",
                columns: new[] { "Section", "Status", "UpdatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_content_entries_Section_Title_Id",
                table: "content_entries",
                columns: new[] { "Section", "Title", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_content_entries_Section_UpdatedAt_Id",
                table: "content_entries",
                columns: new[] { "Section", "UpdatedAt", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_content_entries_Section_Status_UpdatedAt_Id",
                table: "content_entries");

            migrationBuilder.DropIndex(
                name: "IX_content_entries_Section_Title_Id",
                table: "content_entries");

            migrationBuilder.DropIndex(
                name: "IX_content_entries_Section_UpdatedAt_Id",
                table: "content_entries");

            migrationBuilder.CreateIndex(
                name: "IX_content_entries_Section_Title",
                table: "content_entries",
                columns: new[] { "Section", "Title" });

            migrationBuilder.CreateIndex(
                name: "IX_content_entries_Section_UpdatedAt",
                table: "content_entries",
                columns: new[] { "Section", "UpdatedAt" });
        }
    }
}
