-- data·inclusion v1 (docs/data-inclusion.md): what a structure and a service of the schema carry
-- that partners and offers did not record yet.

-- Partners become data·inclusion structures: SIRET, premises, website, opening hours (OpenStreetMap
-- opening_hours syntax), and whether the named contacts of their offers may be published.
ALTER TABLE partner ADD COLUMN siret VARCHAR(14);
ALTER TABLE partner ADD COLUMN address_street VARCHAR(200);
ALTER TABLE partner ADD COLUMN address_complement VARCHAR(200);
ALTER TABLE partner ADD COLUMN address_postal_code VARCHAR(5);
ALTER TABLE partner ADD COLUMN address_commune_code VARCHAR(5);
ALTER TABLE partner ADD COLUMN address_commune_name VARCHAR(100);
ALTER TABLE partner ADD COLUMN website VARCHAR(500);
ALTER TABLE partner ADD COLUMN opening_hours VARCHAR(500);
ALTER TABLE partner ADD COLUMN publish_staff_contacts BOOLEAN DEFAULT FALSE NOT NULL;

-- Offers become data·inclusion services once their editor publishes them. Existing offers stay
-- unpublished: nothing becomes readable without login until its editor decides so.
ALTER TABLE coordination_offer ADD COLUMN published BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE coordination_offer ADD COLUMN published_on DATE;
ALTER TABLE coordination_offer ADD COLUMN fees VARCHAR(10);
ALTER TABLE coordination_offer ADD COLUMN fees_details VARCHAR(500);
ALTER TABLE coordination_offer ADD COLUMN reception_modes VARCHAR(40) DEFAULT '' NOT NULL;
ALTER TABLE coordination_offer ADD COLUMN opening_hours VARCHAR(500);
ALTER TABLE coordination_offer ADD COLUMN address_street VARCHAR(200);
ALTER TABLE coordination_offer ADD COLUMN address_complement VARCHAR(200);
ALTER TABLE coordination_offer ADD COLUMN address_postal_code VARCHAR(5);
ALTER TABLE coordination_offer ADD COLUMN address_commune_code VARCHAR(5);
ALTER TABLE coordination_offer ADD COLUMN address_commune_name VARCHAR(100);

-- A structure's date_maj: the day its definition last changed (its creation day until then).
ALTER TABLE partner ADD COLUMN updated_on DATE;
UPDATE partner SET updated_on = CAST(created_at AS DATE);
