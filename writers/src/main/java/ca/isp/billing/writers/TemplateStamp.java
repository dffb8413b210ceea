package ca.isp.billing.writers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A file's modification time and size ("absent" when there is none): an operator's edit changes it. */
final class TemplateStamp {

    private TemplateStamp() {
    }

    static String of(Path file) {
        try {
            if (!Files.exists(file)) {
                return "absent";
            }
            return Files.getLastModifiedTime(file) + "/" + Files.size(file);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + " cannot be read: " + e.getMessage(), e);
        }
    }
}
