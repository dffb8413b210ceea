package ca.isp.billing.writers;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/** A file's modification time and size ("absent" when there is none): an operator's edit changes it. */
final class TemplateStamp {

    private TemplateStamp() {
    }

    static String of(Path file) {
        try {
            // one stat, not three (exists, time, size): stamps are taken for every invoice rendered
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return a.lastModifiedTime() + "/" + a.size();
        } catch (NoSuchFileException | AccessDeniedException e) {
            return "absent";
        } catch (IOException e) {
            throw new IllegalArgumentException(file + " cannot be read: " + e.getMessage(), e);
        }
    }
}
