namespace Kaifan.Identity.Audit;

/// <summary>
/// Database triggers that refuse UPDATE, DELETE (and on PostgreSQL TRUNCATE) on the audit table, so no code path of the
/// app, and no one using its connection by mistake, can change a recorded row. Someone with the right to drop triggers
/// still can; the anchors outside the database are what catch that.
/// </summary>
internal static class AuditAppendOnly
{
    public const string PostgresCreate = """
        CREATE FUNCTION identity.audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'identity_audit_log is append-only'; END $$;
        CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON identity.identity_audit_log
            FOR EACH ROW EXECUTE FUNCTION identity.audit_log_append_only();
        CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON identity.identity_audit_log
            FOR EACH STATEMENT EXECUTE FUNCTION identity.audit_log_append_only();
        """;

    public const string PostgresDrop = """
        DROP TRIGGER IF EXISTS audit_log_no_change ON identity.identity_audit_log;
        DROP TRIGGER IF EXISTS audit_log_no_truncate ON identity.identity_audit_log;
        DROP FUNCTION IF EXISTS identity.audit_log_append_only();
        """;

    public const string SqliteCreate = """
        CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON identity_audit_log
        BEGIN SELECT RAISE(ABORT, 'identity_audit_log is append-only'); END;
        CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON identity_audit_log
        BEGIN SELECT RAISE(ABORT, 'identity_audit_log is append-only'); END;
        """;

    public const string SqliteDrop = """
        DROP TRIGGER IF EXISTS audit_log_no_update;
        DROP TRIGGER IF EXISTS audit_log_no_delete;
        """;
}
