package ca.isp.billing.jobs.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import ca.isp.billing.jobs.MariaDbSchema;

/**
 * One UPDATE for many rows, each its own values (the invoice step's issue and ledger marking):
 * every row given is updated with its values, a row its guard refuses is left as it was and not
 * counted, so a caller comparing the count with the rows it gave sees it; on H2 and on MariaDB
 * (Connector/J counts found rows: a row set to the values it had still counts), dates, amounts,
 * nulls and booleans; more rows than one statement takes.
 */
class KeyedUpdateTest {

    @Test
    void onH2() {
        check(new JdbcTemplate(new DriverManagerDataSource("jdbc:h2:mem:keyed;DB_CLOSE_DELAY=-1", "sa", "")));
    }

    @Test
    void namesArePlainIdentifiersOnly() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> KeyedUpdate.sql("doc", "id",
                List.of("number = 1; DROP TABLE doc; --"), null, null, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a plain table or column name");
        assertThat(KeyedUpdate.sql("doc", "id", List.of("number"), null, null, 2))
                .isEqualTo("UPDATE doc SET number = CASE id WHEN ? THEN ? WHEN ? THEN ? ELSE number END WHERE id IN (?, ?)");
    }

    @Test
    void onMariaDb() {
        MariaDbSchema schema = MariaDbSchema.create("keyed", KeyedUpdateTest.class);
        try {
            check(new JdbcTemplate(new DriverManagerDataSource(schema.url(), schema.user, schema.password)));
        } finally {
            schema.drop();
        }
    }

    private static void check(JdbcTemplate jdbc) {
        jdbc.execute("""
                CREATE TABLE doc (id BIGINT PRIMARY KEY, status VARCHAR(10) NOT NULL, number VARCHAR(20),
                    due DATE, total DECIMAL(18,2), first_one BOOLEAN)""");
        int rows = KeyedUpdate.ROWS_PER_STATEMENT + 7;
        for (int id = 1; id <= rows; id++) {
            jdbc.update("INSERT INTO doc (id, status, total) VALUES (?, ?, ?)", id, id == 3 ? "DONE" : "OPEN",
                    new BigDecimal("9.99"));
        }
        List<Object[]> values = new ArrayList<>();
        for (long id = 1; id <= rows; id++) {
            values.add(new Object[]{id, "N-" + id, LocalDate.of(2026, 12, 1).plusDays(id % 20),
                    id == 2 ? new BigDecimal("9.99") : new BigDecimal(id).movePointLeft(2), id == 4 ? null : id % 2 == 0});
        }
        int updated = KeyedUpdate.update(jdbc, "doc", "id", List.of("number", "due", "total", "first_one"),
                "status = 'ISSUED'", "status = 'OPEN'", values);

        // every row but the one the guard refused (3), row 2 set to the total it had included
        assertThat(updated).isEqualTo(rows - 1);
        assertThat(jdbc.queryForList("SELECT status FROM doc WHERE id = 3", String.class)).containsExactly("DONE");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM doc WHERE number IS NULL", Integer.class)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM doc WHERE status = 'ISSUED'", Integer.class))
                .isEqualTo(rows - 1);
        for (long id : List.of(1L, 2L, 4L, (long) rows)) {
            Object[] expected = values.get((int) id - 1);
            assertThat(jdbc.queryForObject("SELECT number FROM doc WHERE id = ?", String.class, id)).isEqualTo(expected[1]);
            assertThat(jdbc.queryForObject("SELECT due FROM doc WHERE id = ?", LocalDate.class, id)).isEqualTo(expected[2]);
            assertThat(jdbc.queryForObject("SELECT total FROM doc WHERE id = ?", BigDecimal.class, id))
                    .isEqualByComparingTo((BigDecimal) expected[3]);
            assertThat(jdbc.queryForObject("SELECT first_one FROM doc WHERE id = ?", Boolean.class, id))
                    .isEqualTo(expected[4]);
        }
        // again: the guard refuses every row, nothing counted
        assertThat(KeyedUpdate.update(jdbc, "doc", "id", List.of("number"), null, "status = 'OPEN'",
                List.<Object[]>of(new Object[]{1L, "X"}, new Object[]{2L, "Y"}))).isZero();
        assertThat(KeyedUpdate.update(jdbc, "doc", "id", List.of("number"), null, null, List.of())).isZero();
    }
}
