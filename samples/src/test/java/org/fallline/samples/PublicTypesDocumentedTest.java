package org.fallline.samples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every public type of the library modules' exported packages has a Javadoc comment (the javadoc build in
 * verify runs doclint for errors and warnings, but its "missing" group would also demand a comment on every
 * accessor and parameter, so the types are checked here): each {@code public class|interface|record|enum}
 * declaration is preceded, past its annotations, by a {@code /** … *}{@code /} comment.
 */
class PublicTypesDocumentedTest {

    private static final Pattern PUBLIC_TYPE = Pattern.compile(
            "^\\s*public\\s+(?:(?:static|final|abstract|sealed|non-sealed|strictfp)\\s+)*(?:class|interface|record|enum|@interface)\\s+(\\w+).*");

    @Test
    void everyPublicLibraryTypeHasAJavadocComment() throws IOException {
        List<String> undocumented = new ArrayList<>();
        int checked = 0;
        for (String module : List.of("core", "evolution", "physics", "geometry")) {
            Path root = Path.of("..", module, "src", "main", "java");
            if (!Files.isDirectory(root)) {
                continue;
            }
            List<Path> sources;
            try (Stream<Path> s = Files.walk(root)) {
                sources = s.filter(p -> p.toString().endsWith(".java"))
                        .filter(p -> !p.toString().contains("/internal/"))
                        .filter(p -> !p.getFileName().toString().equals("module-info.java"))
                        .filter(p -> !p.getFileName().toString().equals("package-info.java")).toList();
            }
            for (Path source : sources) {
                List<String> lines = Files.readAllLines(source);
                for (int i = 0; i < lines.size(); i++) {
                    var m = PUBLIC_TYPE.matcher(lines.get(i));
                    if (m.matches()) {
                        checked++;
                        if (!documented(lines, i)) {
                            undocumented.add(root.relativize(source) + ":" + (i + 1) + " " + m.group(1));
                        }
                    }
                }
            }
        }
        assertTrue(checked > 50, "found only " + checked + " public types; is the working directory samples/?");
        assertTrue(undocumented.isEmpty(), "public types without a Javadoc comment: " + undocumented);
    }

    private static boolean documented(List<String> lines, int declaration) {
        int j = declaration - 1;
        // skip annotations (possibly over several lines) and blank lines
        while (j >= 0 && (lines.get(j).isBlank() || lines.get(j).strip().startsWith("@")
                || lines.get(j).strip().startsWith(")") || lines.get(j).strip().endsWith(","))) {
            j--;
        }
        if (j < 0 || !lines.get(j).strip().endsWith("*/")) {
            return false;
        }
        for (int k = j; k >= 0; k--) {
            String t = lines.get(k).strip();
            if (t.startsWith("/**")) {
                return true;
            }
            if (t.startsWith("/*")) {
                return false;
            }
        }
        return false;
    }
}
