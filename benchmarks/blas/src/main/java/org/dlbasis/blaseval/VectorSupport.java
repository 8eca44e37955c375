package org.dlbasis.blaseval;

/**
 * The run-time check in front of {@link VectorKernels}: the pattern the reference would use for an
 * optional Vector-API path. On a plain {@code java -cp ...} (no flag) the incubator module is not in
 * the boot layer, {@link #AVAILABLE} is false and callers take the scalar {@link PlainKernels}; with
 * {@code --add-modules jdk.incubator.vector} it is true where the preferred vector holds at least four
 * doubles (AVX2 or wider; the Vector API on narrower or unsupported hardware falls back to Java code
 * far slower than the plain kernels). {@code -Dblaseval.vector=false} turns it off.
 */
final class VectorSupport {
    private VectorSupport() {}

    static final String STATUS;
    static final boolean AVAILABLE;

    static {
        String status;
        boolean ok = false;
        if (!Boolean.parseBoolean(System.getProperty("blaseval.vector", "true"))) {
            status = "off (-Dblaseval.vector=false)";
        } else if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            status = "unavailable: jdk.incubator.vector not in the boot layer (no --add-modules flag)";
        } else {
            try {
                int lanes = VectorKernels.L;
                ok = lanes >= 4;
                status = (ok ? "available: " : "unavailable, too narrow: ") + VectorKernels.S;
            } catch (Throwable t) { // NoClassDefFoundError, UnsupportedOperationException, ...
                status = "unavailable: " + t;
            }
        }
        STATUS = status;
        AVAILABLE = ok;
    }
}
