package io.deform4j.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The packages of the main sources form no cycle: each reference from one {@code io.deform4j}
 * package to another (an import or a qualified name in the code, not in a comment or a string)
 * is an edge, and the graph's strongly connected components (Tarjan) all have one package.
 */
class PackageDependenciesTest {

    private static final Pattern PACKAGE = Pattern.compile("^package (io\\.deform4j[\\w.]*);", Pattern.MULTILINE);
    /**
     * Block and line comments, and character and string literals: a class named in documentation
     * or in text (the main class a process is started with) is not a compile-time dependency.
     */
    private static final Pattern COMMENT = Pattern.compile(
            "/\\*.*?\\*/|//[^\\n]*|'(?:[^'\\\\\\n]|\\\\.)*'|\"(?:[^\"\\\\\\n]|\\\\.)*\"", Pattern.DOTALL);
    private static final Pattern REFERENCE = Pattern.compile("\\b(io\\.deform4j(?:\\.[a-z]\\w*)+)\\.[A-Z]");

    @Test
    void mainSourcesHaveNoPackageCycle() throws IOException {
        Map<String, Set<String>> graph = graph(root());
        assertThat(graph).containsKeys("io.deform4j.mapping", "io.deform4j.train", "io.deform4j.cli");
        List<Set<String>> cycles = new ArrayList<>();
        for (Set<String> component : new Tarjan(graph).components()) {
            if (component.size() > 1) {
                cycles.add(component);
            }
        }
        assertThat(cycles).as("package cycles (each set depends on itself through the others)").isEmpty();
    }

    @Test
    void coreDependsOnNoEngine() throws IOException {
        for (Path file : javaFiles(root().resolve("core/src/main/java"))) {
            assertThat(Files.readString(file)).as(file.toString()).doesNotContain("import ai.djl");
        }
    }

    /** The repository root: the parent of the module Surefire runs in. */
    private static Path root() {
        Path root = Path.of(System.getProperty("user.dir")).toAbsolutePath().getParent();
        assertThat(root.resolve("core/src/main/java")).isDirectory();
        return root;
    }

    static Map<String, Set<String>> graph(Path root) throws IOException {
        Map<String, Set<String>> graph = new TreeMap<>();
        try (Stream<Path> modules = Files.list(root)) {
            for (Path module : modules.filter(m -> Files.isDirectory(m.resolve("src/main/java"))).toList()) {
                for (Path file : javaFiles(module.resolve("src/main/java"))) {
                    String text = COMMENT.matcher(Files.readString(file)).replaceAll(" ");
                    Matcher p = PACKAGE.matcher(text);
                    if (!p.find()) {
                        continue;
                    }
                    Set<String> edges = graph.computeIfAbsent(p.group(1), k -> new TreeSet<>());
                    Matcher r = REFERENCE.matcher(text);
                    while (r.find()) {
                        if (!r.group(1).equals(p.group(1))) {
                            edges.add(r.group(1));
                        }
                    }
                }
            }
        }
        return graph;
    }

    private static List<Path> javaFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> f.toString().endsWith(".java")).toList();
        }
    }

    /** Tarjan's strongly connected components, iterative enough for a few dozen packages. */
    private static final class Tarjan {
        private final Map<String, Set<String>> graph;
        private final Map<String, Integer> index = new HashMap<>();
        private final Map<String, Integer> low = new HashMap<>();
        private final Deque<String> stack = new ArrayDeque<>();
        private final List<Set<String>> components = new ArrayList<>();

        Tarjan(Map<String, Set<String>> graph) {
            this.graph = graph;
        }

        List<Set<String>> components() {
            graph.keySet().forEach(v -> {
                if (!index.containsKey(v)) {
                    visit(v);
                }
            });
            return components;
        }

        private void visit(String v) {
            index.put(v, index.size());
            low.put(v, index.get(v));
            stack.push(v);
            for (String w : graph.getOrDefault(v, Set.of())) {
                if (!index.containsKey(w)) {
                    visit(w);
                    low.put(v, Math.min(low.get(v), low.get(w)));
                } else if (stack.contains(w)) {
                    low.put(v, Math.min(low.get(v), index.get(w)));
                }
            }
            if (low.get(v).equals(index.get(v))) {
                Set<String> component = new TreeSet<>();
                String w;
                do {
                    w = stack.pop();
                    component.add(w);
                } while (!w.equals(v));
                components.add(component);
            }
        }
    }
}
