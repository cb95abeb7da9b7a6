/**
 * fallline geometry: graph surfaces, mean curvature flow and minimal surfaces.
 */
module org.fallline.geometry {
    requires transitive org.fallline.core;

    // exports: add each public package here as it is written (internal packages stay unexported)
}
