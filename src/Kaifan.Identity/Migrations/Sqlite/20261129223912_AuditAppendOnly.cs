using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kaifan.Identity.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AuditAppendOnly : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(Audit.AuditAppendOnly.SqliteCreate);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(Audit.AuditAppendOnly.SqliteDrop);
        }
    }
}
