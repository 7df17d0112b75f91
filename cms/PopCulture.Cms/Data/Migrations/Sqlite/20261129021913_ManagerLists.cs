using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PopCulture.Cms.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ManagerLists : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Tags",
                table: "content_entries",
                type: "TEXT",
                maxLength: 700,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateIndex(
                name: "IX_content_entries_Section_Title",
                table: "content_entries",
                columns: new[] { "Section", "Title" });

            migrationBuilder.CreateIndex(
                name: "IX_content_entries_Section_UpdatedAt",
                table: "content_entries",
                columns: new[] { "Section", "UpdatedAt" });

            // Existing rows get their tags from the front matter they already hold.
            migrationBuilder.Sql("""
                UPDATE content_entries SET "Tags" = COALESCE((
                    SELECT '|' || group_concat(value, '|') || '|' FROM json_each(content_entries."FrontMatter", '$.tags') WHERE type = 'text'), '')
                WHERE json_valid("FrontMatter") AND json_type("FrontMatter", '$.tags') IN ('array', 'text');
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_content_entries_Section_Title",
                table: "content_entries");

            migrationBuilder.DropIndex(
                name: "IX_content_entries_Section_UpdatedAt",
                table: "content_entries");

            migrationBuilder.DropColumn(
                name: "Tags",
                table: "content_entries");
        }
    }
}
