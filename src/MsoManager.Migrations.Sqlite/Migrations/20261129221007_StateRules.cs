using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MsoManager.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class StateRules : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ShippedStateRules",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    FileHash = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 64, nullable: false),
                    LoadedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CompiledOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Cpom = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    CpomConfidence = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    EntityFormsDetail = table.Column<string>(type: "TEXT", nullable: false),
                    FeeSplitting = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    FeeSplittingConfidence = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    MedSpaNotes = table.Column<string>(type: "TEXT", nullable: true),
                    MedSpaNotesConfidence = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    PcOwnerCategory = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    PcOwnerLicenses = table.Column<string>(type: "TEXT", maxLength: 28, nullable: false),
                    PcOwnersConfidence = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    PcOwnersDetail = table.Column<string>(type: "TEXT", nullable: false),
                    PhysicianMinPercent = table.Column<decimal>(type: "TEXT", precision: 5, scale: 2, nullable: true),
                    ProfessionalForms = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    ProfessionalFormsConfidence = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Sources = table.Column<string>(type: "TEXT", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    StateName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ShippedStateRules", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "StateRuleCorrections",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    WorkspaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Cpom = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    CpomConfidence = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    PcOwnerCategory = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    PcOwnerLicenses = table.Column<string>(type: "TEXT", maxLength: 28, nullable: true),
                    CorrectsPhysicianMinPercent = table.Column<bool>(type: "INTEGER", nullable: false),
                    PhysicianMinPercent = table.Column<decimal>(type: "TEXT", precision: 5, scale: 2, nullable: true),
                    PcOwnersConfidence = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    ProfessionalForms = table.Column<string>(type: "TEXT", maxLength: 24, nullable: true),
                    ProfessionalFormsConfidence = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    FeeSplitting = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    FeeSplittingConfidence = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    CorrectsMedSpaNotes = table.Column<bool>(type: "INTEGER", nullable: false),
                    MedSpaNotes = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    MedSpaNotesConfidence = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    CorrectedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    CorrectedByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CorrectedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<uint>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StateRuleCorrections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StateRuleCorrections_Workspaces_WorkspaceId",
                        column: x => x.WorkspaceId,
                        principalTable: "Workspaces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_StateRuleCorrections_WorkspaceId_State",
                table: "StateRuleCorrections",
                columns: new[] { "WorkspaceId", "State" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ShippedStateRules");

            migrationBuilder.DropTable(
                name: "StateRuleCorrections");
        }
    }
}
