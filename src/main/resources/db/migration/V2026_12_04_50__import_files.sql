-- Imports of lists as they really arrive (issue #19): the file's format and the sheet read, how
-- each header was understood (JSON, shown in the report), and the header aliases that supervisors
-- add per source.
ALTER TABLE import_batch ADD COLUMN file_format VARCHAR(8);
ALTER TABLE import_batch ADD COLUMN sheet_name VARCHAR(100);
ALTER TABLE import_batch ADD COLUMN header_columns VARCHAR(100000);

CREATE TABLE import_column_alias (
    source          VARCHAR(20)  NOT NULL,
    header_folded   VARCHAR(100) NOT NULL,
    column_name     VARCHAR(32)  NOT NULL,
    header          VARCHAR(100) NOT NULL,
    position        INTEGER      NOT NULL,
    updated_by      VARCHAR(64)  NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (source, header_folded)
);
