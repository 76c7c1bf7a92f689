using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kaifan.Payments.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class TransferSubmission : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_payments_rider_transfers_RequestedAt",
                schema: "payments",
                table: "payments_rider_transfers");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "SubmittedAt",
                schema: "payments",
                table: "payments_rider_transfers",
                type: "timestamp with time zone",
                nullable: true);

            // Transfers pending before the column existed were submitted when requested; the grace counts from then.
            migrationBuilder.Sql("""UPDATE payments.payments_rider_transfers SET "SubmittedAt" = "RequestedAt" WHERE "Status" = 'Pending';""");

            migrationBuilder.CreateIndex(
                name: "IX_payments_rider_transfers_Status_SubmittedAt",
                schema: "payments",
                table: "payments_rider_transfers",
                columns: new[] { "Status", "SubmittedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_payments_rider_transfers_Status_SubmittedAt",
                schema: "payments",
                table: "payments_rider_transfers");

            migrationBuilder.DropColumn(
                name: "SubmittedAt",
                schema: "payments",
                table: "payments_rider_transfers");

            migrationBuilder.CreateIndex(
                name: "IX_payments_rider_transfers_RequestedAt",
                schema: "payments",
                table: "payments_rider_transfers",
                column: "RequestedAt");
        }
    }
}
