/**
 * fallline core: fields with exact derivatives, equilibria, descent methods and the numerics the three domains share.
 * Only the public packages are exported; {@code org.fallline.core.internal} stays internal.
 */
module org.fallline.core {
    requires commons.math3;
    requires ejml.core;
    requires ejml.ddense;
    requires ejml.dsparse;

    exports org.fallline.core;
    exports org.fallline.core.field;
    exports org.fallline.core.equilibrium;
    exports org.fallline.core.interval;
    exports org.fallline.core.descent;
    exports org.fallline.core.linear;
}
