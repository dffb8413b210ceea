package ca.isp.billing.writers;

import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Something read from the operator's template files, kept while the files are unchanged and read
 * again after an edit (their stamp: modification times and sizes), so an edit shows on the next
 * invoice without a restart. Safe from several threads: two may read the same edit, one wins.
 */
final class TemplateCache<T> {

    private record Loaded<T>(String stamp, T value) {
    }

    private final Function<T, String> stamp;
    private final Supplier<T> read;
    private volatile Loaded<T> loaded;

    TemplateCache(Supplier<String> stamp, Supplier<T> read) {
        this(loaded -> stamp.get(), read);
    }

    /** {@code stamp} is given what is loaded (null before the first read): it may look at the files it names. */
    TemplateCache(Function<T, String> stamp, Supplier<T> read) {
        this.stamp = stamp;
        this.read = read;
    }

    T get() {
        Loaded<T> before = loaded;
        String now = stamp.apply(before == null ? null : before.value());
        Loaded<T> l = loaded;
        if (l == null || !l.stamp().equals(now)) {
            l = new Loaded<>(now, read.get());
            loaded = l;
        }
        return l.value();
    }
}
