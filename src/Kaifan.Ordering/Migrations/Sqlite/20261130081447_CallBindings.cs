using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kaifan.Ordering.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CallBindings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ordering_call_bindings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CustomerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CallerParty = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CallerUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CalleeParty = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CalleeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CalleePhoneProtected = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RelayNumber = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Extension = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ordering_call_bindings", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ordering_call_bindings_CustomerId",
                table: "ordering_call_bindings",
                column: "CustomerId");

            migrationBuilder.CreateIndex(
                name: "IX_ordering_call_bindings_OrderId_CallerUserId_CalleeParty",
                table: "ordering_call_bindings",
                columns: new[] { "OrderId", "CallerUserId", "CalleeParty" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ordering_call_bindings");
        }
    }
}
