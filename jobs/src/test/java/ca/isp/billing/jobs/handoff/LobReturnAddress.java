package ca.isp.billing.jobs.handoff;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.stream.Stream;

import ca.isp.billing.jobs.CycleTestSupport;

/**
 * A copy of the project's templates with the ISP's US return address added to
 * {@code company.properties}: Lob refuses a letter whose {@code from} is not a US address, so
 * every test that sends letters through Lob bills with such a copy.
 */
public final class LobReturnAddress {

    private LobReturnAddress() {
    }

    /** The copy, in a new temporary folder. */
    public static Path templates() throws IOException {
        return templates(Files.createTempDirectory("billing-templates-"));
    }

    /** The copy, in {@code copy} (created if missing). */
    public static Path templates(Path copy) throws IOException {
        Path source = CycleTestSupport.templates();
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path target = copy.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
        Files.writeString(copy.resolve("company.properties"), """
                lob_from_line_1=100 Main Street
                lob_from_line_2=Suite 2
                lob_from_city=Derby Line
                lob_from_state=VT
                lob_from_zip=05830
                """, StandardOpenOption.APPEND);
        return copy;
    }
}
