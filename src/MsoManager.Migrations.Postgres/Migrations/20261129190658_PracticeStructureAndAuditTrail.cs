using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MsoManager.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class PracticeStructureAndAuditTrail : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ArchivedAt",
                table: "Practices",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AuditEvents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    WorkspaceId = table.Column<Guid>(type: "uuid", nullable: false),
                    Sequence = table.Column<long>(type: "bigint", nullable: false),
                    OccurredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    UserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Action = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    RecordType = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    RecordId = table.Column<Guid>(type: "uuid", nullable: false),
                    PracticeId = table.Column<Guid>(type: "uuid", nullable: true),
                    Before = table.Column<string>(type: "text", nullable: true),
                    After = table.Column<string>(type: "text", nullable: true),
                    PreviousHash = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    Hash = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AuditEvents_Workspaces_WorkspaceId",
                        column: x => x.WorkspaceId,
                        principalTable: "Workspaces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LegalEntity",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    LegalName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Dba = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Form = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    StateOfFormation = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    Ein = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    FormedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    RegisteredAgent = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    AnnualReportDueMonth = table.Column<int>(type: "integer", nullable: true),
                    AnnualReportDueDay = table.Column<int>(type: "integer", nullable: true),
                    Notes = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    WorkspaceId = table.Column<Guid>(type: "uuid", nullable: false),
                    PracticeId = table.Column<Guid>(type: "uuid", nullable: false),
                    Key = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LegalEntity", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LegalEntity_Practices_PracticeId",
                        column: x => x.PracticeId,
                        principalTable: "Practices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Location",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Street = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    City = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    State = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    Zip = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    WorkspaceId = table.Column<Guid>(type: "uuid", nullable: false),
                    PracticeId = table.Column<Guid>(type: "uuid", nullable: false),
                    Key = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Location", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Location_Practices_PracticeId",
                        column: x => x.PracticeId,
                        principalTable: "Practices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Organization",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    WorkspaceId = table.Column<Guid>(type: "uuid", nullable: false),
                    PracticeId = table.Column<Guid>(type: "uuid", nullable: false),
                    Key = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Organization", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Organization_Practices_PracticeId",
                        column: x => x.PracticeId,
                        principalTable: "Practices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Person",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    Phone = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    WorkspaceId = table.Column<Guid>(type: "uuid", nullable: false),
                    PracticeId = table.Column<Guid>(type: "uuid", nullable: false),
                    Key = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Person", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Person_Practices_PracticeId",
                        column: x => x.PracticeId,
                        principalTable: "Practices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SetupTask",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Phase = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Owner = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: true),
                    RecordId = table.Column<Guid>(type: "uuid", nullable: true),
                    WorkspaceId = table.Column<Guid>(type: "uuid", nullable: false),
                    PracticeId = table.Column<Guid>(type: "uuid", nullable: false),
                    Key = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SetupTask", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SetupTask_Practices_PracticeId",
                        column: x => x.PracticeId,
                        principalTable: "Practices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Agreement",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Type = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ManagementCompanyId = table.Column<Guid>(type: "uuid", nullable: true),
                    ProfessionalEntityId = table.Column<Guid>(type: "uuid", nullable: true),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Terms = table.Column<string>(type: "text", nullable: false),
                    VersionNumber = table.Column<int>(type: "integer", nullable: false),
                    CurrentVersionEffectiveOn = table.Column<DateOnly>(type: "date", nullable: true),
                    WorkspaceId = table.Column<Guid>(type: "uuid", nullable: false),
                    PracticeId = table.Column<Guid>(type: "uuid", nullable: false),
                    Key = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Agreement", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Agreement_LegalEntity_ManagementCompanyId",
                        column: x => x.ManagementCompanyId,
                        principalTable: "LegalEntity",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_Agreement_LegalEntity_ProfessionalEntityId",
                        column: x => x.ProfessionalEntityId,
                        principalTable: "LegalEntity",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_Agreement_Practices_PracticeId",
                        column: x => x.PracticeId,
                        principalTable: "Practices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FinancialMonth",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    EntityId = table.Column<Guid>(type: "uuid", nullable: false),
                    Month = table.Column<int>(type: "integer", nullable: false),
                    Collections = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    ClinicalExpenses = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    ManagementFeePaid = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    WorkspaceId = table.Column<Guid>(type: "uuid", nullable: false),
                    PracticeId = table.Column<Guid>(type: "uuid", nullable: false),
                    Key = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FinancialMonth", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FinancialMonth_LegalEntity_EntityId",
                        column: x => x.EntityId,
                        principalTable: "LegalEntity",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_FinancialMonth_Practices_PracticeId",
                        column: x => x.PracticeId,
                        principalTable: "Practices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EntityRole",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    EntityId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    From = table.Column<DateOnly>(type: "date", nullable: true),
                    To = table.Column<DateOnly>(type: "date", nullable: true),
                    WorkspaceId = table.Column<Guid>(type: "uuid", nullable: false),
                    PracticeId = table.Column<Guid>(type: "uuid", nullable: false),
                    Key = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EntityRole", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EntityRole_LegalEntity_EntityId",
                        column: x => x.EntityId,
                        principalTable: "LegalEntity",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_EntityRole_Person_PersonId",
                        column: x => x.PersonId,
                        principalTable: "Person",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_EntityRole_Practices_PracticeId",
                        column: x => x.PracticeId,
                        principalTable: "Practices",
                        principalColumn: "Id");
                });

            migrationBuilder.CreateTable(
                name: "License",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    Type = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    State = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    Number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    IssuedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ExpiresOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    WorkspaceId = table.Column<Guid>(type: "uuid", nullable: false),
                    PracticeId = table.Column<Guid>(type: "uuid", nullable: false),
                    Key = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_License", x => x.Id);
                    table.ForeignKey(
                        name: "FK_License_Person_PersonId",
                        column: x => x.PersonId,
                        principalTable: "Person",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_License_Practices_PracticeId",
                        column: x => x.PracticeId,
                        principalTable: "Practices",
                        principalColumn: "Id");
                });

            migrationBuilder.CreateTable(
                name: "OwnershipStake",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    EntityId = table.Column<Guid>(type: "uuid", nullable: false),
                    OwnerPersonId = table.Column<Guid>(type: "uuid", nullable: true),
                    OwnerOrganizationId = table.Column<Guid>(type: "uuid", nullable: true),
                    Percent = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: false),
                    From = table.Column<DateOnly>(type: "date", nullable: true),
                    To = table.Column<DateOnly>(type: "date", nullable: true),
                    WorkspaceId = table.Column<Guid>(type: "uuid", nullable: false),
                    PracticeId = table.Column<Guid>(type: "uuid", nullable: false),
                    Key = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OwnershipStake", x => x.Id);
                    table.CheckConstraint("CK_OwnershipStakes_OneOwner", "(\"OwnerPersonId\" IS NULL) <> (\"OwnerOrganizationId\" IS NULL)");
                    table.ForeignKey(
                        name: "FK_OwnershipStake_LegalEntity_EntityId",
                        column: x => x.EntityId,
                        principalTable: "LegalEntity",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_OwnershipStake_Organization_OwnerOrganizationId",
                        column: x => x.OwnerOrganizationId,
                        principalTable: "Organization",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_OwnershipStake_Person_OwnerPersonId",
                        column: x => x.OwnerPersonId,
                        principalTable: "Person",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_OwnershipStake_Practices_PracticeId",
                        column: x => x.PracticeId,
                        principalTable: "Practices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AgreementVersion",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    WorkspaceId = table.Column<Guid>(type: "uuid", nullable: false),
                    PracticeId = table.Column<Guid>(type: "uuid", nullable: false),
                    AgreementId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Terms = table.Column<string>(type: "text", nullable: false),
                    EffectiveOn = table.Column<DateOnly>(type: "date", nullable: true),
                    SupersededBy = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    SupersededAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgreementVersion", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AgreementVersion_Agreement_AgreementId",
                        column: x => x.AgreementId,
                        principalTable: "Agreement",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AgreementVersion_Practices_PracticeId",
                        column: x => x.PracticeId,
                        principalTable: "Practices",
                        principalColumn: "Id");
                });

            migrationBuilder.CreateIndex(
                name: "IX_Agreement_ManagementCompanyId",
                table: "Agreement",
                column: "ManagementCompanyId");

            migrationBuilder.CreateIndex(
                name: "IX_Agreement_PracticeId_Key",
                table: "Agreement",
                columns: new[] { "PracticeId", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Agreement_ProfessionalEntityId",
                table: "Agreement",
                column: "ProfessionalEntityId");

            migrationBuilder.CreateIndex(
                name: "IX_Agreement_WorkspaceId",
                table: "Agreement",
                column: "WorkspaceId");

            migrationBuilder.CreateIndex(
                name: "IX_AgreementVersion_AgreementId_Number",
                table: "AgreementVersion",
                columns: new[] { "AgreementId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AgreementVersion_PracticeId",
                table: "AgreementVersion",
                column: "PracticeId");

            migrationBuilder.CreateIndex(
                name: "IX_AgreementVersion_WorkspaceId",
                table: "AgreementVersion",
                column: "WorkspaceId");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEvents_WorkspaceId_PracticeId_Sequence",
                table: "AuditEvents",
                columns: new[] { "WorkspaceId", "PracticeId", "Sequence" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEvents_WorkspaceId_Sequence",
                table: "AuditEvents",
                columns: new[] { "WorkspaceId", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EntityRole_EntityId",
                table: "EntityRole",
                column: "EntityId");

            migrationBuilder.CreateIndex(
                name: "IX_EntityRole_PersonId_Key",
                table: "EntityRole",
                columns: new[] { "PersonId", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EntityRole_PracticeId",
                table: "EntityRole",
                column: "PracticeId");

            migrationBuilder.CreateIndex(
                name: "IX_EntityRole_WorkspaceId",
                table: "EntityRole",
                column: "WorkspaceId");

            migrationBuilder.CreateIndex(
                name: "IX_FinancialMonth_EntityId_Month",
                table: "FinancialMonth",
                columns: new[] { "EntityId", "Month" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FinancialMonth_PracticeId_Key",
                table: "FinancialMonth",
                columns: new[] { "PracticeId", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FinancialMonth_WorkspaceId",
                table: "FinancialMonth",
                column: "WorkspaceId");

            migrationBuilder.CreateIndex(
                name: "IX_LegalEntity_PracticeId_Key",
                table: "LegalEntity",
                columns: new[] { "PracticeId", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LegalEntity_WorkspaceId",
                table: "LegalEntity",
                column: "WorkspaceId");

            migrationBuilder.CreateIndex(
                name: "IX_License_PersonId_Key",
                table: "License",
                columns: new[] { "PersonId", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_License_PracticeId",
                table: "License",
                column: "PracticeId");

            migrationBuilder.CreateIndex(
                name: "IX_License_WorkspaceId",
                table: "License",
                column: "WorkspaceId");

            migrationBuilder.CreateIndex(
                name: "IX_Location_PracticeId_Key",
                table: "Location",
                columns: new[] { "PracticeId", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Location_WorkspaceId",
                table: "Location",
                column: "WorkspaceId");

            migrationBuilder.CreateIndex(
                name: "IX_Organization_PracticeId_Key",
                table: "Organization",
                columns: new[] { "PracticeId", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Organization_WorkspaceId",
                table: "Organization",
                column: "WorkspaceId");

            migrationBuilder.CreateIndex(
                name: "IX_OwnershipStake_EntityId",
                table: "OwnershipStake",
                column: "EntityId");

            migrationBuilder.CreateIndex(
                name: "IX_OwnershipStake_OwnerOrganizationId",
                table: "OwnershipStake",
                column: "OwnerOrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_OwnershipStake_OwnerPersonId",
                table: "OwnershipStake",
                column: "OwnerPersonId");

            migrationBuilder.CreateIndex(
                name: "IX_OwnershipStake_PracticeId_Key",
                table: "OwnershipStake",
                columns: new[] { "PracticeId", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OwnershipStake_WorkspaceId",
                table: "OwnershipStake",
                column: "WorkspaceId");

            migrationBuilder.CreateIndex(
                name: "IX_Person_PracticeId_Key",
                table: "Person",
                columns: new[] { "PracticeId", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Person_WorkspaceId",
                table: "Person",
                column: "WorkspaceId");

            migrationBuilder.CreateIndex(
                name: "IX_SetupTask_PracticeId_Key",
                table: "SetupTask",
                columns: new[] { "PracticeId", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SetupTask_WorkspaceId",
                table: "SetupTask",
                column: "WorkspaceId");
                    // Audit events are append only: PostgreSQL itself refuses to change, delete or truncate them.
            migrationBuilder.Sql("""
                CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'AuditEvents is append only: % is not allowed', TG_OP;
                END $$;
                CREATE TRIGGER audit_events_no_update_or_delete BEFORE UPDATE OR DELETE ON "AuditEvents"
                    FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();
                CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON "AuditEvents"
                    FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS audit_events_no_truncate ON "AuditEvents";
                DROP TRIGGER IF EXISTS audit_events_no_update_or_delete ON "AuditEvents";
                DROP FUNCTION IF EXISTS audit_events_append_only();
                """);

            migrationBuilder.DropTable(
                name: "AgreementVersion");

            migrationBuilder.DropTable(
                name: "AuditEvents");

            migrationBuilder.DropTable(
                name: "EntityRole");

            migrationBuilder.DropTable(
                name: "FinancialMonth");

            migrationBuilder.DropTable(
                name: "License");

            migrationBuilder.DropTable(
                name: "Location");

            migrationBuilder.DropTable(
                name: "OwnershipStake");

            migrationBuilder.DropTable(
                name: "SetupTask");

            migrationBuilder.DropTable(
                name: "Agreement");

            migrationBuilder.DropTable(
                name: "Organization");

            migrationBuilder.DropTable(
                name: "Person");

            migrationBuilder.DropTable(
                name: "LegalEntity");

            migrationBuilder.DropColumn(
                name: "ArchivedAt",
                table: "Practices");
        }
    }
}
