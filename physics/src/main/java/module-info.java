/**
 * fallline physics: gradient flows, momentum flows and the heat equation as a gradient flow, on Hipparchus.
 */
module org.fallline.physics {
    requires transitive org.fallline.core;
    requires hipparchus.core;
    requires hipparchus.ode;
    requires hipparchus.fft;

    exports org.fallline.physics;
    exports org.fallline.physics.flow;
    exports org.fallline.physics.portrait;
    exports org.fallline.physics.heat;
    exports org.fallline.physics.io;
    // exports: add each public package here as it is written (internal packages stay unexported)
}
