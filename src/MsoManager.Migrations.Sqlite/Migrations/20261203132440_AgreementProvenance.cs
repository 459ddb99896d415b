using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MsoManager.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AgreementProvenance : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ImportedAs",
                table: "Agreement",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OutsideReviewCounsel",
                table: "Agreement",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "OutsideReviewVersion",
                table: "Agreement",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "OutsideReviewedOn",
                table: "Agreement",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ImportedAs",
                table: "Agreement");

            migrationBuilder.DropColumn(
                name: "OutsideReviewCounsel",
                table: "Agreement");

            migrationBuilder.DropColumn(
                name: "OutsideReviewVersion",
                table: "Agreement");

            migrationBuilder.DropColumn(
                name: "OutsideReviewedOn",
                table: "Agreement");
        }
    }
}
