using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MsoManager.Migrations.Postgres.Migrations
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
                    Code = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    FileHash = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    LoadedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CompiledOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Cpom = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    CpomConfidence = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    EntityFormsDetail = table.Column<string>(type: "text", nullable: false),
                    FeeSplitting = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    FeeSplittingConfidence = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    MedSpaNotes = table.Column<string>(type: "text", nullable: true),
                    MedSpaNotesConfidence = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    PcOwnerCategory = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    PcOwnerLicenses = table.Column<string>(type: "character varying(28)", maxLength: 28, nullable: false),
                    PcOwnersConfidence = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    PcOwnersDetail = table.Column<string>(type: "text", nullable: false),
                    PhysicianMinPercent = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: true),
                    ProfessionalForms = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    ProfessionalFormsConfidence = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Sources = table.Column<string>(type: "text", nullable: false),
                    State = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    StateName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ShippedStateRules", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "StateRuleCorrections",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    WorkspaceId = table.Column<Guid>(type: "uuid", nullable: false),
                    State = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    Cpom = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    CpomConfidence = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    PcOwnerCategory = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    PcOwnerLicenses = table.Column<string>(type: "character varying(28)", maxLength: 28, nullable: true),
                    CorrectsPhysicianMinPercent = table.Column<bool>(type: "boolean", nullable: false),
                    PhysicianMinPercent = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: true),
                    PcOwnersConfidence = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    ProfessionalForms = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: true),
                    ProfessionalFormsConfidence = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    FeeSplitting = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    FeeSplittingConfidence = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    CorrectsMedSpaNotes = table.Column<bool>(type: "boolean", nullable: false),
                    MedSpaNotes = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    MedSpaNotesConfidence = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Reason = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    CorrectedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    CorrectedByName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    CorrectedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
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
