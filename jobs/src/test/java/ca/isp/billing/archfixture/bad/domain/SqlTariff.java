package ca.isp.billing.archfixture.bad.domain;

import java.sql.Connection;

/** Breaks domainIsPlainJava: a database API in the domain (java.sql is under java..). */
public class SqlTariff {
    Connection connection;
}
