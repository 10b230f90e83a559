-- PostgreSQL only: the access log and the erasure record cannot be changed or deleted, even by a
-- direct SQL statement of the application's user (a database owner can still drop the trigger:
-- that is an administrator's act, visible in the database's own logs).
CREATE FUNCTION raccroche_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'table % is append-only', TG_TABLE_NAME;
END
$$;
CREATE TRIGGER access_log_append_only BEFORE UPDATE OR DELETE ON access_log
    FOR EACH ROW EXECUTE FUNCTION raccroche_refuse_change();
CREATE TRIGGER access_log_no_truncate BEFORE TRUNCATE ON access_log
    FOR EACH STATEMENT EXECUTE FUNCTION raccroche_refuse_change();
CREATE TRIGGER personal_data_erasure_append_only BEFORE UPDATE OR DELETE ON personal_data_erasure
    FOR EACH ROW EXECUTE FUNCTION raccroche_refuse_change();
