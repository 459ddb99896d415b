using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MsoManager.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class PracticeRisk : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PracticeRisks",
                columns: table => new
                {
                    PracticeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    WorkspaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EvaluatedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Score = table.Column<int>(type: "INTEGER", nullable: false),
                    High = table.Column<int>(type: "INTEGER", nullable: false),
                    Medium = table.Column<int>(type: "INTEGER", nullable: false),
                    Low = table.Column<int>(type: "INTEGER", nullable: false),
                    Info = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<uint>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PracticeRisks", x => x.PracticeId);
                    table.ForeignKey(
                        name: "FK_PracticeRisks_Practices_PracticeId",
                        column: x => x.PracticeId,
                        principalTable: "Practices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PracticeRisks_WorkspaceId_EvaluatedOn",
                table: "PracticeRisks",
                columns: new[] { "WorkspaceId", "EvaluatedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_PracticeRisks_WorkspaceId_High",
                table: "PracticeRisks",
                columns: new[] { "WorkspaceId", "High" });

            migrationBuilder.CreateIndex(
                name: "IX_PracticeRisks_WorkspaceId_Score",
                table: "PracticeRisks",
                columns: new[] { "WorkspaceId", "Score" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PracticeRisks");
        }
    }
}
