-- Issue 11: geographic tax (jurisdictions by postal code, dated rates, taxability, exemptions).
-- New tables compare keys byte for byte, as V5 made the others.
-- Tax rates per jurisdiction and period. A rate stored before this version is a rate of the
-- province or state itself (jurisdiction '') in force since always (effective_from 1970-01-01,
-- no effective_to), so databases and tax-rates files of the first format keep working.
ALTER TABLE tax_rate ADD COLUMN jurisdiction VARCHAR(20) NOT NULL DEFAULT '';
ALTER TABLE tax_rate ADD COLUMN effective_from DATE NOT NULL DEFAULT '1970-01-01';
-- last day in force, inclusive; null while in force
ALTER TABLE tax_rate ADD COLUMN effective_to DATE NULL;
ALTER TABLE tax_rate DROP INDEX uk_tax_rate;
ALTER TABLE tax_rate ADD CONSTRAINT uk_tax_rate UNIQUE (country, region, jurisdiction, tax_code, effective_from);

-- Which postal codes lie in which local jurisdictions (import tax-jurisdictions). street '' is a
-- range of postal codes (first three characters in Canada, ZIP codes in the US); any other
-- street is an override for that one address (postal_from is then its whole postal code).
CREATE TABLE tax_postal_area (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    country         CHAR(2)      NOT NULL,
    postal_from     VARCHAR(10)  NOT NULL,
    street          VARCHAR(200) NOT NULL,
    postal_to       VARCHAR(10)  NOT NULL,
    region          VARCHAR(10)  NOT NULL,
    county          VARCHAR(20),
    city            VARCHAR(20),
    district        VARCHAR(20),
    CONSTRAINT uk_tax_postal_area UNIQUE (country, postal_from, street)
) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;

-- Whether a tax applies to a tax class (import tax-rules); taxable is Y or N.
CREATE TABLE tax_rule (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    country         CHAR(2)      NOT NULL,
    region          VARCHAR(10)  NOT NULL,
    tax_code        VARCHAR(10)  NOT NULL,
    tax_class       VARCHAR(20)  NOT NULL,
    taxable         CHAR(1)      NOT NULL,
    CONSTRAINT uk_tax_rule UNIQUE (country, region, tax_code, tax_class)
) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;

-- An account's exemption certificates (import tax-exemptions); tax_codes '' covers every tax.
CREATE TABLE tax_exemption (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    account_id      BIGINT       NOT NULL,
    certificate     VARCHAR(40)  NOT NULL,
    tax_codes       VARCHAR(100) NOT NULL,
    expires_on      DATE,
    CONSTRAINT uk_tax_exemption UNIQUE (account_id, certificate),
    CONSTRAINT fk_tax_exemption_account FOREIGN KEY (account_id) REFERENCES account (id)
) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;

-- A plan's tax class; null is its kind's (INTERNET_ACCESS or VOIP).
ALTER TABLE plan ADD COLUMN tax_class VARCHAR(20) NULL;

-- The tax register says which jurisdiction each tax is of ('' the province or state), what it
-- did not apply to (exempt_base: lines of an exempt class or under a certificate) and the
-- certificate, for the liability report. Lines stored before were all taxable.
ALTER TABLE tax_line ADD COLUMN jurisdiction VARCHAR(20) NOT NULL DEFAULT '';
ALTER TABLE tax_line ADD COLUMN exempt_base DECIMAL(12,2) NOT NULL DEFAULT 0;
ALTER TABLE tax_line ADD COLUMN exemption VARCHAR(40) NULL;
