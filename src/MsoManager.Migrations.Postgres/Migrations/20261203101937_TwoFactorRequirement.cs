using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MsoManager.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class TwoFactorRequirement : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "RequiresTwoFactor",
                table: "Workspaces",
                type: "boolean",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "RequiresTwoFactor",
                table: "Workspaces");
        }
    }
}
