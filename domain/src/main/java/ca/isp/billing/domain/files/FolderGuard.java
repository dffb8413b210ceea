package ca.isp.billing.domain.files;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Where a file named after data (an invoice number, an inbox file name) may be written: strictly
 * inside its folder. The guard does not trust the names to be safe, so a {@code ../} or an
 * absolute path can never write outside the folder, whatever validated them before.
 */
public final class FolderGuard {

    private FolderGuard() {
    }

    /** The path of {@code name} in {@code folder}, normalized; refused when it is not strictly inside. */
    public static Path resolve(Path folder, String name) {
        Path base = folder.toAbsolutePath().normalize();
        Path target;
        try {
            target = name == null ? base : base.resolve(name).normalize();
        } catch (InvalidPathException e) {
            target = base;
        }
        if (!target.startsWith(base) || target.equals(base)) {
            throw new IllegalArgumentException("\"" + name + "\" is not a file name strictly inside " + base
                    + ": refused");
        }
        return target;
    }
}
