/**
 * fallline evolution: Lande–Arnold selection analysis. {@code org.fallline.evolution.internal} stays internal.
 */
module org.fallline.evolution {
    requires transitive org.fallline.core;
    requires commons.math3;
    requires com.opencsv;
    requires ejml.core;
    requires ejml.ddense;

    exports org.fallline.evolution;
    exports org.fallline.evolution.io;
    exports org.fallline.evolution.gam;
}
