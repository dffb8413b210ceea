package ca.isp.billing.reliability;

/**
 * The kill -9 matrix on MariaDB (127.0.0.1:3306, root, no password, or
 * BILLING_TEST_MYSQL_URL/USER/PASSWORD): a temporary schema per case, a copy of the imported one.
 * Under CI=true a missing server fails; elsewhere the matrix is skipped with the reason.
 */
class MariaDbKillMatrixIT extends KillMatrix {

    @Override
    KillDrill.Databases databases() {
        return MariaDbDatabase.drills("MariaDB", MariaDbDatabase.SERVER, MariaDbDatabase.USER, MariaDbDatabase.PASSWORD);
    }
}
