using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PopCulture.Cms.Data.Migrations.Postgres
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
                type: "character varying(700)",
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
                UPDATE content_entries SET "Tags" = COALESCE('|' || (
                    SELECT string_agg(DISTINCT t, '|') FROM jsonb_array_elements_text("FrontMatter"::jsonb -> 'tags') AS t) || '|', '')
                WHERE jsonb_typeof("FrontMatter"::jsonb -> 'tags') = 'array';
                UPDATE content_entries SET "Tags" = '|' || ("FrontMatter"::jsonb ->> 'tags') || '|'
                WHERE jsonb_typeof("FrontMatter"::jsonb -> 'tags') = 'string';
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
