-- How a plan prices data as consumption components (import data-components): one row per band of
-- each component, the component's own settings repeated on each of its rows (the import keeps them
-- equal). A plan with rows here is billed by them (DataCharger); a plan without, by its
-- included_gb and overage_per_gb.
CREATE TABLE data_band (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    plan_code       VARCHAR(30)   NOT NULL,
    component       VARCHAR(20)   NOT NULL,
    name_en         VARCHAR(60)   NOT NULL,
    name_fr         VARCHAR(60)   NOT NULL,
    metering        VARCHAR(10)   NOT NULL,
    from_gb         DECIMAL(12,3) NOT NULL,
    price_per_gb    DECIMAL(12,4) NOT NULL,
    minimum_amount  DECIMAL(12,2),
    cap_amount      DECIMAL(12,2),
    CONSTRAINT uk_data_band UNIQUE (plan_code, component, from_gb)
);
