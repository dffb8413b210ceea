package ca.isp.billing.jobs.accounting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/** A journal file read back as an accountant's import would read it, and the checks it must pass. */
record JournalCsv(List<CSVRecord> rows) {

    static JournalCsv read(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file)) {
            List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(in).getRecords();
            assertThat(rows).allSatisfy(r -> assertThat(r.getParser().getHeaderNames())
                    .containsExactlyElementsOf(JournalExport.COLUMNS));
            return new JournalCsv(rows);
        }
    }

    /** Debit minus credit of the rows that match. */
    BigDecimal net(Predicate<CSVRecord> which) {
        return rows.stream().filter(which)
                .map(r -> new BigDecimal(r.get("debit")).subtract(new BigDecimal(r.get("credit"))))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** The credits (credit minus debit) posted to one GL account. */
    BigDecimal creditsTo(String glAccount) {
        return net(r -> r.get("gl_account").equals(glAccount)).negate();
    }

    BigDecimal debitsTo(String glAccount) {
        return net(r -> r.get("gl_account").equals(glAccount));
    }

    Set<String> sources(String type) {
        return rows.stream().filter(r -> r.get("source_type").equals(type)).map(r -> r.get("source_ref"))
                .collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    /** Every entry (source and currency) balances, and so every currency; nothing is a line of its own. */
    void assertBalanced() {
        Map<String, BigDecimal> byEntry = new TreeMap<>();
        for (CSVRecord r : rows) {
            assertThat(r.get("source_type")).isIn("INVOICE", "PAYMENT", "SUSPENSE", "REVERSAL", "WRITE_OFF", "RECOVERY");
            assertThat(r.get("source_ref")).isNotBlank();
            assertThat(r.get("line_ref")).isNotBlank();
            assertThat(r.get("gl_account")).isNotBlank();
            BigDecimal debit = new BigDecimal(r.get("debit"));
            BigDecimal credit = new BigDecimal(r.get("credit"));
            // one side per line, never negative, in cents
            assertThat(debit.signum() == 0 || credit.signum() == 0).isTrue();
            assertThat(debit.signum()).isNotNegative();
            assertThat(credit.signum()).isNotNegative();
            assertThat(debit.scale()).isEqualTo(2);
            byEntry.merge(r.get("source_type") + " " + r.get("source_ref") + " " + r.get("currency"),
                    debit.subtract(credit), BigDecimal::add);
        }
        assertThat(byEntry).allSatisfy((entry, difference) -> assertThat(difference).as(entry).isZero());
    }
}
