package org.dlbasis.spec.api;

import org.dlbasis.spec.error.InvalidArgumentException;

/**
 * An element-wise activation g and its parameter (SPEC ACT-*). Maxout is not element-wise and has
 * its own methods on {@link Activations}.
 *
 * @param kind which function
 * @param parameter Leaky ReLU's slope a (default 0.1, N35), ELU's α (default 1.0); 0 otherwise
 */
public record Activation(Kind kind, double parameter) {

    /** The element-wise activation functions of the note. */
    public enum Kind {
        /** σ(z) = 1/(1+e^−z) (N32). */
        SIGMOID,
        /** tanh(z) (N33). */
        TANH,
        /** max(0, z) (N34). */
        RELU,
        /** z for z ≥ 0, a·z for z &lt; 0, i.e. max(a·z, z) for 0 ≤ a &lt; 1 (N35). */
        LEAKY_RELU,
        /** z for z ≥ 0, α(e^z − 1) for z &lt; 0 (N37). */
        ELU,
        /** g(z) = z (N42). */
        LINEAR;

        /**
         * Its name in golden files, protocol requests, options and command lines.
         *
         * @return the constant's name in lower case: {@code sigmoid}, {@code leaky_relu}
         */
        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        /**
         * The kind with this wire name.
         *
         * @param wireName e.g. {@code leaky_relu} (exactly, lower case)
         * @return the kind, or empty if no kind has that name
         */
        public static java.util.Optional<Kind> fromWireName(String wireName) {
            return java.util.Arrays.stream(values())
                    .filter(k -> k.wireName().equals(wireName))
                    .findFirst();
        }

        /**
         * Every wire name, for messages that list the choices.
         *
         * @return {@code [sigmoid, tanh, relu, leaky_relu, elu, linear]}
         */
        public static java.util.List<String> wireNames() {
            return java.util.Arrays.stream(values()).map(Kind::wireName).toList();
        }
    }

    /** The note's Leaky ReLU slope. */
    public static final double DEFAULT_LEAKY_SLOPE = 0.1;
    /** The conventional ELU α. */
    public static final double DEFAULT_ELU_ALPHA = 1.0;

    /**
     * Checks the parameter against the kind (SPEC ERR-3).
     *
     * @param kind which function
     * @param parameter Leaky ReLU's slope in [0, 1), ELU's α finite and &gt; 0; 0 for every other kind
     * @throws InvalidArgumentException if {@code kind} is null or the parameter is outside its domain
     */
    public Activation {
        if (kind == null) {
            throw new InvalidArgumentException("activation kind must not be null");
        }
        if (kind == Kind.LEAKY_RELU && !(parameter >= 0 && parameter < 1)) {
            throw new InvalidArgumentException("Leaky ReLU slope must be in [0, 1), found " + parameter);
        }
        if (kind == Kind.ELU && !(parameter > 0 && Double.isFinite(parameter))) {
            throw new InvalidArgumentException("ELU alpha must be finite and > 0, found " + parameter);
        }
        if (kind != Kind.LEAKY_RELU && kind != Kind.ELU && parameter != 0) {
            throw new InvalidArgumentException(kind + " takes no parameter, found " + parameter);
        }
    }

    /**
     * The sigmoid σ.
     *
     * @return σ(z) = 1/(1+e^−z)
     */
    public static Activation sigmoid() {
        return new Activation(Kind.SIGMOID, 0);
    }

    /**
     * The hyperbolic tangent.
     *
     * @return tanh(z)
     */
    public static Activation tanh() {
        return new Activation(Kind.TANH, 0);
    }

    /**
     * The rectified linear unit.
     *
     * @return max(0, z)
     */
    public static Activation relu() {
        return new Activation(Kind.RELU, 0);
    }

    /**
     * Leaky ReLU with the note's slope 0.1.
     *
     * @return max(0.1·z, z)
     */
    public static Activation leakyRelu() {
        return new Activation(Kind.LEAKY_RELU, DEFAULT_LEAKY_SLOPE);
    }

    /**
     * Leaky ReLU with a slope of your choice.
     *
     * @param slope a, in [0, 1)
     * @return max(a·z, z)
     * @throws InvalidArgumentException if the slope is outside [0, 1)
     */
    public static Activation leakyRelu(double slope) {
        return new Activation(Kind.LEAKY_RELU, slope);
    }

    /**
     * ELU with α = 1.
     *
     * @return z for z ≥ 0, e^z − 1 for z &lt; 0
     */
    public static Activation elu() {
        return new Activation(Kind.ELU, DEFAULT_ELU_ALPHA);
    }

    /**
     * ELU with an α of your choice.
     *
     * @param alpha α, finite and &gt; 0
     * @return z for z ≥ 0, α(e^z − 1) for z &lt; 0
     * @throws InvalidArgumentException if α is not finite and positive
     */
    public static Activation elu(double alpha) {
        return new Activation(Kind.ELU, alpha);
    }

    /**
     * The identity.
     *
     * @return g(z) = z
     */
    public static Activation linear() {
        return new Activation(Kind.LINEAR, 0);
    }

    /** {@code sigmoid}, {@code leaky_relu(0.1)}, {@code elu(1.0)}: the name used in reports and files. */
    @Override
    public String toString() {
        String name = kind.wireName();
        return kind == Kind.LEAKY_RELU || kind == Kind.ELU ? name + "(" + parameter + ")" : name;
    }
}
