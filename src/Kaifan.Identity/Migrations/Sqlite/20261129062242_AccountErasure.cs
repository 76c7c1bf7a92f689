using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kaifan.Identity.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AccountErasure : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "ErasedAt",
                table: "identity_users",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "identity_privacy_requests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_identity_privacy_requests", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_identity_privacy_requests_UserId",
                table: "identity_privacy_requests",
                column: "UserId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "identity_privacy_requests");

            migrationBuilder.DropColumn(
                name: "ErasedAt",
                table: "identity_users");
        }
    }
}
