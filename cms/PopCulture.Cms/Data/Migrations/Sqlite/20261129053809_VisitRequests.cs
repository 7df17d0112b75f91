using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PopCulture.Cms.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class VisitRequests : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "visit_requests",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Hall = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    HallTitle = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    School = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Contact = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    Grade = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Students = table.Column<int>(type: "INTEGER", nullable: false),
                    PreferredDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Message = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_visit_requests", x => x.Id);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "visit_requests");
        }
    }
}
