using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PopCulture.Cms.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Builds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "site_builds",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RequestedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    FinishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Reasons = table.Column<string>(type: "TEXT", nullable: false),
                    Full = table.Column<bool>(type: "INTEGER", nullable: false),
                    Node = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PublishedVersion = table.Column<long>(type: "INTEGER", nullable: false),
                    PagesRendered = table.Column<int>(type: "INTEGER", nullable: false),
                    PagesReused = table.Column<int>(type: "INTEGER", nullable: false),
                    FilesWritten = table.Column<int>(type: "INTEGER", nullable: false),
                    DurationMs = table.Column<long>(type: "INTEGER", nullable: false),
                    Warnings = table.Column<int>(type: "INTEGER", nullable: false),
                    Errors = table.Column<int>(type: "INTEGER", nullable: false),
                    Problems = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_site_builds", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_site_builds_StartedAt",
                table: "site_builds",
                column: "StartedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "site_builds");
        }
    }
}
