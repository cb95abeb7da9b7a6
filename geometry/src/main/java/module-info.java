/**
 * fallline geometry: graph surfaces, mean curvature flow and minimal surfaces.
 */
module org.fallline.geometry {
    requires transitive org.fallline.core;
    requires org.locationtech.jts;
    requires hipparchus.core;

    exports org.fallline.geometry;
    exports org.fallline.geometry.io;
    // org.fallline.geometry.internal stays unexported
}
