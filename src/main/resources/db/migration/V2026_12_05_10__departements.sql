-- Several départements in one deployment (issue #24, docs/specification.md §1 "Départements").
-- A case, an import and a partner belong to one département. Until now a deployment served one:
-- existing rows take the département of their perimeter, else the one in the case number
-- (<school year>-<département>-<number>, CaseNumbers), else the deployment's default département
-- (Flyway placeholder from raccroche.departement).

ALTER TABLE support_case ADD COLUMN departement VARCHAR(3);
UPDATE support_case SET departement =
    (SELECT p.departement FROM perimeter p WHERE p.code = support_case.perimeter_code)
    WHERE perimeter_code IS NOT NULL;
UPDATE support_case SET departement =
    CASE WHEN SUBSTRING(case_number, 8, 1) = '-' THEN SUBSTRING(case_number, 6, 2)
         ELSE SUBSTRING(case_number, 6, 3) END
    WHERE departement IS NULL;
ALTER TABLE support_case ALTER COLUMN departement SET NOT NULL;
CREATE INDEX ix_support_case_departement_status ON support_case (departement, status);

ALTER TABLE import_batch ADD COLUMN departement VARCHAR(3);
UPDATE import_batch SET departement = '${default_departement}';
ALTER TABLE import_batch ALTER COLUMN departement SET NOT NULL;
CREATE INDEX ix_import_batch_departement ON import_batch (departement, started_at);

ALTER TABLE partner ADD COLUMN departement VARCHAR(3);
UPDATE partner SET departement =
    (SELECT MIN(p.departement) FROM partner_perimeter pp JOIN perimeter p ON p.code = pp.perimeter_code
      WHERE pp.partner_code = partner.code);
UPDATE partner SET departement = '${default_departement}' WHERE departement IS NULL;
ALTER TABLE partner ALTER COLUMN departement SET NOT NULL;
