package ca.isp.billing.domain.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderGuardTest {

    @TempDir
    Path home;

    @Test
    void aPlainNameStaysInItsFolder() {
        Path folder = home.resolve("out/invoices/2026-11-01");

        assertThat(FolderGuard.resolve(folder, "F-2026-000001.pdf"))
                .isEqualTo(folder.toAbsolutePath().normalize().resolve("F-2026-000001.pdf"));
        // a dot inside a name, or a sub-folder that stays inside, is fine
        assertThat(FolderGuard.resolve(folder, "a..b.pdf").getFileName().toString()).isEqualTo("a..b.pdf");
        assertThat(FolderGuard.resolve(folder, "sub/../x.pdf")).isEqualTo(folder.toAbsolutePath().normalize().resolve("x.pdf"));
    }

    @Test
    void refusesEveryNameThatLeavesTheFolderOrIsTheFolder() {
        Path folder = home.resolve("out/invoices/2026-11-01");

        for (String name : new String[]{"../../../escaped.pdf", "..", ".", "", "a/../../x.pdf",
                home.resolve("elsewhere.pdf").toString(), "/etc/passwd"}) {
            assertThatThrownBy(() -> FolderGuard.resolve(folder, name))
                    .as(name)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(folder.toAbsolutePath().normalize().toString())
                    .hasMessageContaining("\"" + name + "\"");
        }
        assertThatThrownBy(() -> FolderGuard.resolve(folder, null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSiblingWhoseNameStartsLikeTheFolderIsOutside() {
        Path folder = home.resolve("rejects");

        // "rejects-old" starts with "rejects" as a string, but is another folder
        assertThatThrownBy(() -> FolderGuard.resolve(folder, "../rejects-old/x.csv"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
