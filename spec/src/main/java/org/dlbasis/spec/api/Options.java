package org.dlbasis.spec.api;

import java.util.EnumSet;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * What an implementation provides inside its {@link Capability capabilities} (SPEC API-2). Real
 * APIs are often narrower than the spec's: the course's code has one hard-coded hidden
 * activation, a fixed initialisation scale of 0.01, a single output unit, no separate step, and
 * no input validation. The suite draws only what is declared and reports every check that needs
 * something else as not implemented, so "the mathematics is right" is judged apart from "bad
 * input is rejected with the spec's error kinds".
 *
 * @param activations the activations provided, for {@link Activations} and as the networks'
 *     hidden activation
 * @param maxOutputUnits the most output units n[2] (n[L]) the networks accept, ≥ 1
 * @param fixedInitScale the one weight scale {@code initialize} uses, or empty if it takes the
 *     requested one (0 for zero initialisation included)
 * @param initSeed whether {@code initialize} honours the requested seed
 * @param step whether {@code step} exists as an operation of its own (not only inside {@code train})
 * @param validation whether bad input is rejected with the spec's error kinds (SPEC ERR-*)
 * @param deepActivations the hidden activations of the L-layer network, when they differ from the
 *     others (course code: tanh in week 3's network, ReLU in week 4's)
 */
public record Options(
        Set<Activation.Kind> activations,
        int maxOutputUnits,
        OptionalDouble fixedInitScale,
        boolean initSeed,
        boolean step,
        boolean validation,
        Set<Activation.Kind> deepActivations) {

    /**
     * Copies the activations and checks the output units.
     *
     * @param activations the activations provided; copied
     * @param maxOutputUnits the most output units the networks accept, ≥ 1
     * @param fixedInitScale the one weight scale {@code initialize} uses, or empty
     * @param initSeed whether {@code initialize} honours the requested seed
     * @param step whether {@code step} exists as an operation of its own
     * @param validation whether bad input is rejected with the spec's error kinds
     * @param deepActivations the hidden activations of the L-layer network, when they differ from
     *     the two-layer network's (course code: tanh in week 3, ReLU in week 4)
     * @throws IllegalArgumentException if {@code maxOutputUnits} is below 1
     */
    public Options {
        activations = Set.copyOf(activations);
        deepActivations = Set.copyOf(deepActivations);
        if (maxOutputUnits < 1) {
            throw new IllegalArgumentException("maxOutputUnits must be >= 1, found " + maxOutputUnits);
        }
    }

    /**
     * Options whose L-layer network takes the same activations as the rest.
     *
     * @param activations the activations provided
     * @param maxOutputUnits the most output units, at least 1
     * @param fixedInitScale the one initialisation scale, or empty
     * @param initSeed whether initialisation honours the seed
     * @param step whether step is an operation of its own
     * @param validation whether bad input is rejected
     */
    public Options(
            Set<Activation.Kind> activations,
            int maxOutputUnits,
            OptionalDouble fixedInitScale,
            boolean initSeed,
            boolean step,
            boolean validation) {
        this(activations, maxOutputUnits, fixedInitScale, initSeed, step, validation, activations);
    }

    /**
     * True if the L-layer network provides {@code kind} as its hidden activation.
     *
     * @param kind the activation's kind
     * @return whether it is among {@link #deepActivations()}
     */
    public boolean declaresDeep(Activation.Kind kind) {
        return deepActivations.contains(kind);
    }

    /**
     * Everything the spec describes: the default of {@link Implementation#options()}.
     *
     * @return every activation, any number of output units, any scale, the seed, step and validation
     */
    public static Options all() {
        return new Options(
                EnumSet.allOf(Activation.Kind.class), Integer.MAX_VALUE, OptionalDouble.empty(), true, true, true);
    }

    /**
     * True if every option is the default.
     *
     * @return whether these options equal {@link #all()}
     */
    public boolean isAll() {
        return equals(all());
    }

    /**
     * True if {@code kind} is provided.
     *
     * @param kind an activation kind
     * @return whether it is among the declared activations
     */
    public boolean declares(Activation.Kind kind) {
        return activations.contains(kind);
    }

    /**
     * True if {@code initialize} can be asked for weights of this scale.
     *
     * @param scale a weight scale
     * @return whether no scale is fixed, or this is the fixed one
     */
    public boolean acceptsInitScale(double scale) {
        return fixedInitScale.isEmpty() || fixedInitScale.getAsDouble() == scale;
    }

    /**
     * In words, for reports: {@code everything}, or what is narrower than the spec, e.g.
     * {@code activations tanh; 1 output unit; initialisation scale 0.01 only; no seed; no separate step;
     * no input validation}.
     *
     * @return the description
     */
    public String describe() {
        if (isAll()) {
            return "everything";
        }
        java.util.List<String> parts = new java.util.ArrayList<>();
        if (!activations.equals(all().activations)) {
            parts.add("activations "
                    + (activations.isEmpty()
                            ? "none"
                            : String.join(
                                    ", ",
                                    activations.stream()
                                            .sorted()
                                            .map(k -> k.name().toLowerCase(java.util.Locale.ROOT))
                                            .toList())));
        }
        if (!deepActivations.equals(activations)) {
            parts.add("deep network activations "
                    + (deepActivations.isEmpty()
                            ? "none"
                            : String.join(
                                    ", ",
                                    deepActivations.stream()
                                            .sorted()
                                            .map(Activation.Kind::wireName)
                                            .toList())));
        }
        if (maxOutputUnits != Integer.MAX_VALUE) {
            parts.add(maxOutputUnits + (maxOutputUnits == 1 ? " output unit" : " output units at most"));
        }
        fixedInitScale.ifPresent(s -> parts.add("initialisation scale " + s + " only"));
        if (!initSeed) {
            parts.add("no seed");
        }
        if (!step) {
            parts.add("no separate step");
        }
        if (!validation) {
            parts.add("no input validation");
        }
        return String.join("; ", parts);
    }
}
