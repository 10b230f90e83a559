-- Each département's own header aliases (issue #24: imports are per département): a source's
-- headers taught by one département's supervisor no longer change how another département reads
-- that source's lists. The aliases defined so far belong to the default département.
CREATE TABLE import_column_alias_dep (
    departement     VARCHAR(3)   NOT NULL,
    source          VARCHAR(20)  NOT NULL,
    header_folded   VARCHAR(100) NOT NULL,
    column_name     VARCHAR(32)  NOT NULL,
    header          VARCHAR(100) NOT NULL,
    position        INTEGER      NOT NULL,
    updated_by      VARCHAR(64)  NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (departement, source, header_folded)
);
INSERT INTO import_column_alias_dep
       (departement, source, header_folded, column_name, header, position, updated_by, updated_at)
SELECT '${default_departement}', source, header_folded, column_name, header, position, updated_by,
       updated_at
  FROM import_column_alias;
DROP TABLE import_column_alias;
ALTER TABLE import_column_alias_dep RENAME TO import_column_alias;
