package org.fallline.samples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

import org.fallline.core.field.Expression;
import org.fallline.core.field.ExpressionException;
import org.fallline.geometry.BoundaryData;
import org.fallline.geometry.Domain;
import org.fallline.geometry.ExactSurface;
import org.fallline.geometry.GeometryException;
import org.fallline.geometry.io.PolygonCsvReader;
import org.fallline.samples.internal.BadInputException;
import org.fallline.samples.internal.Numbers;

/** Reading {@code --domain} and {@code --boundary} of {@code fallline surface}. */
final class SurfaceOptions {

    static final String DOMAINS = "square:A,B | rect:X0,X1,Y0,Y1 | disk:R | annulus:R1,R2 | sector:R1,R2,T0,T1 "
            + "| polygon:FILE.csv";

    private SurfaceOptions() {
    }

    /** The domain of a {@code --domain} value. */
    static Domain domain(String spec) {
        int colon = spec.indexOf(':');
        if (colon < 0) {
            throw new BadInputException("--domain: '" + spec + "' has no kind; expected " + DOMAINS);
        }
        String kind = spec.substring(0, colon).strip();
        String rest = spec.substring(colon + 1);
        try {
            return switch (kind) {
                case "square" -> {
                    double[] a = numbers(rest, 2, "square:A,B");
                    yield new Domain.Rectangle(a[0], a[1], a[0], a[1]);
                }
                case "rect" -> {
                    double[] a = numbers(rest, 4, "rect:X0,X1,Y0,Y1");
                    yield new Domain.Rectangle(a[0], a[1], a[2], a[3]);
                }
                case "disk" -> new Domain.Disk(numbers(rest, 1, "disk:R")[0]);
                case "annulus" -> {
                    double[] a = numbers(rest, 2, "annulus:R1,R2");
                    yield new Domain.Annulus(a[0], a[1]);
                }
                case "sector" -> {
                    double[] a = numbers(rest, 4, "sector:R1,R2,T0,T1");
                    yield new Domain.Sector(a[0], a[1], a[2], a[3]);
                }
                case "polygon" -> polygon(rest);
                default -> throw new BadInputException("--domain: unknown kind '" + kind + "'; expected " + DOMAINS);
            };
        } catch (GeometryException e) {
            throw new BadInputException("--domain: " + e.getMessage());
        }
    }

    private static Domain polygon(String file) {
        Path path = Path.of(file);
        if (!Files.isRegularFile(path)) {
            throw new BadInputException("--domain: polygon file '" + file + "' not found");
        }
        try {
            return PolygonCsvReader.read(path);
        } catch (NoSuchFileException e) {
            throw new BadInputException("--domain: polygon file '" + file + "' not found");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double[] numbers(String text, int count, String form) {
        String[] parts = text.split(",", -1);
        if (parts.length != count) {
            throw new BadInputException("--domain: expected " + form + " (" + count + " number" + (count == 1 ? "" : "s")
                    + "), got '" + text + "'");
        }
        double[] v = new double[count];
        for (int i = 0; i < count; i++) {
            try {
                v[i] = Numbers.parseFinite(parts[i], "--domain " + form + ": number " + (i + 1));
            } catch (IllegalArgumentException e) {
                throw new BadInputException(e.getMessage());
            }
        }
        return v;
    }

    /** The data of a {@code --boundary} value: a named exact surface or an expression in x and y. */
    static BoundaryData boundary(String text) {
        ExactSurface named = ExactSurface.byLabel(text.strip());
        if (named != null) {
            return named;
        }
        Expression g;
        try {
            g = Expression.parse(text, List.of("x", "y"));
        } catch (ExpressionException e) {
            throw new BadInputException("--boundary: " + e.getMessage() + " (expected scherk, catenoid, helicoid, "
                    + "enneper, plane or an expression in x and y)", List.of(e.caret().split("\n")), e);
        }
        return BoundaryData.of(text.strip(), g.field(List.of("x", "y"), List.of()));
    }
}
