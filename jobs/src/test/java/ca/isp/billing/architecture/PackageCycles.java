package ca.isp.billing.architecture;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.Source;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.dependencies.Slice;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * "Be in no package cycle", checked on the whole slice graph. It backs up ArchUnit's own
 * {@code beFreeOfCycles()}, which misses cycles in two ways (both shown by the bad fixture):
 * <ul>
 *   <li>ArchUnit 1.5.0's cycle finder stops looking for a strongly connected group of
 *       packages after the first one it reaches from a start package, so a second, unrelated
 *       cycle can go unreported (TarjanComponentFinder returns as soon as one DFS root finds
 *       a component);</li>
 *   <li>ArchUnit reads dependencies from bytecode instructions, and a compile-time constant
 *       ({@code static final String JOB_NAME}) is copied into the user's class, so that use is
 *       invisible (TNG/ArchUnit#298, #1115). javac still records the constant's owner class in
 *       the user's constant pool, which is read here.</li>
 * </ul>
 * A package is reported when it can reach another package that reaches back to it.
 */
final class PackageCycles extends ArchCondition<Slice> {

    /** Slice name -> slice names it uses, with one example "A uses B" per edge. */
    private final Map<String, Map<String, String>> edges = new HashMap<>();

    PackageCycles() {
        super("be in no package cycle (including uses through compile-time constants)");
    }

    @Override
    public void init(Collection<Slice> slices) {
        edges.clear();
        Map<String, String> sliceOfClass = new HashMap<>();
        for (Slice slice : slices) {
            for (JavaClass javaClass : slice) {
                sliceOfClass.put(javaClass.getName(), name(slice));
            }
        }
        for (Slice slice : slices) {
            Map<String, String> out = edges.computeIfAbsent(name(slice), s -> new TreeMap<>());
            // first what ArchUnit sees, so an edge it can show is given with that example
            for (JavaClass origin : slice) {
                for (String target : bytecodeDependencies(origin)) {
                    addEdge(out, name(slice), sliceOfClass.get(target), origin.getName() + " uses " + target);
                }
            }
            for (JavaClass origin : slice) {
                for (String target : constantPoolClassNames(origin)) {
                    addEdge(out, name(slice), sliceOfClass.get(target), origin.getName() + " uses " + target
                            + " (constant pool only, e.g. a compile-time constant)");
                }
            }
        }
    }

    private static void addEdge(Map<String, String> out, String from, String to, String example) {
        if (to != null && !to.equals(from)) {
            out.putIfAbsent(to, example);
        }
    }

    @Override
    public void check(Slice slice, ConditionEvents events) {
        String self = name(slice);
        Set<String> tangled = new TreeSet<>();
        for (String other : reachableFrom(self)) {
            if (!other.equals(self) && reachableFrom(other).contains(self)) {
                tangled.add(other);
            }
        }
        if (tangled.isEmpty()) {
            return;
        }
        StringBuilder message = new StringBuilder("Package cycle: ").append(self)
                .append(" is in a cycle with ").append(tangled);
        edges.get(self).forEach((target, example) -> {
            if (tangled.contains(target)) {
                message.append("\n    ").append(self).append(" -> ").append(target)
                        .append(": ").append(example);
            }
        });
        events.add(SimpleConditionEvent.violated(slice, message.toString()));
    }

    private Set<String> reachableFrom(String start) {
        Set<String> seen = new HashSet<>();
        Deque<String> toVisit = new ArrayDeque<>(edges.getOrDefault(start, Map.of()).keySet());
        while (!toVisit.isEmpty()) {
            String next = toVisit.pop();
            if (seen.add(next)) {
                toVisit.addAll(edges.getOrDefault(next, Map.of()).keySet());
            }
        }
        return seen;
    }

    private static String name(Slice slice) {
        return slice.getDescription().replaceFirst("^Slice ", "");
    }

    /** The classes ArchUnit sees this class use. */
    private static Set<String> bytecodeDependencies(JavaClass javaClass) {
        Set<String> names = new HashSet<>();
        for (Dependency dependency : javaClass.getDirectDependenciesFromSelf()) {
            names.add(dependency.getTargetClass().getBaseComponentType().getName());
        }
        return names;
    }

    /** The CONSTANT_Class entries of a class file (JVM spec 4.4), as Java class names. */
    private static Set<String> constantPoolClassNames(JavaClass javaClass) {
        return javaClass.getSource().map(PackageCycles::constantPoolClassNames).orElse(Set.of());
    }

    private static Set<String> constantPoolClassNames(Source source) {
        try (InputStream stream = source.getUri().toURL().openStream();
             DataInputStream in = new DataInputStream(stream)) {
            in.readInt(); // magic
            in.readUnsignedShort(); // minor version
            in.readUnsignedShort(); // major version
            int count = in.readUnsignedShort();
            String[] utf8 = new String[count];
            int[] classNameIndex = new int[count];
            for (int i = 1; i < count; i++) {
                int tag = in.readUnsignedByte();
                switch (tag) {
                    case 1 -> utf8[i] = in.readUTF();
                    case 7 -> classNameIndex[i] = in.readUnsignedShort();
                    case 8, 16, 19, 20 -> in.skipBytes(2);
                    case 15 -> in.skipBytes(3);
                    case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipBytes(4);
                    case 5, 6 -> {
                        in.skipBytes(8);
                        i++; // long and double take two slots
                    }
                    default -> throw new IOException("unknown constant pool tag " + tag + " in " + source.getUri());
                }
            }
            Set<String> names = new HashSet<>();
            for (int index : classNameIndex) {
                if (index != 0) {
                    // arrays are written [[Lpkg/Name; ; keep the element class
                    names.add(utf8[index].replaceFirst("^\\[+L", "").replaceFirst(";$", "").replace('/', '.'));
                }
            }
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
