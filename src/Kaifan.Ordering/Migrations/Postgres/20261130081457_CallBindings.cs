using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kaifan.Ordering.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CallBindings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ordering_call_bindings",
                schema: "ordering",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrderId = table.Column<Guid>(type: "uuid", nullable: false),
                    CustomerId = table.Column<Guid>(type: "uuid", nullable: false),
                    CallerParty = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    CallerUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    CalleeParty = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    CalleeId = table.Column<Guid>(type: "uuid", nullable: false),
                    CalleePhoneProtected = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RelayNumber = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Extension = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ExpiresAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ordering_call_bindings", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ordering_call_bindings_CustomerId",
                schema: "ordering",
                table: "ordering_call_bindings",
                column: "CustomerId");

            migrationBuilder.CreateIndex(
                name: "IX_ordering_call_bindings_OrderId_CallerUserId_CalleeParty",
                schema: "ordering",
                table: "ordering_call_bindings",
                columns: new[] { "OrderId", "CallerUserId", "CalleeParty" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ordering_call_bindings",
                schema: "ordering");
        }
    }
}
