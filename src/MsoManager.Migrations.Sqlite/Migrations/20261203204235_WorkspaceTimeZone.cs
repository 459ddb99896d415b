using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MsoManager.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class WorkspaceTimeZone : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "TimeZone",
                table: "Workspaces",
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                defaultValue: "UTC");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "TimeZone",
                table: "Workspaces");
        }
    }
}
