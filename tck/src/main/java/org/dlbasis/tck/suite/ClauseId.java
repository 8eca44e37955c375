package org.dlbasis.tck.suite;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A clause of SPEC.md as a type, for what a property blames ({@link Context#blame}): a misspelt
 * clause does not compile, and {@code ClauseIdTest} keeps the constants and SPEC.md's headings
 * equal. {@code NET_2} is {@code NET-2}.
 */
public enum ClauseId {
    /** MUST: Capabilities are declared. */
    API_1,
    /** MUST: Options are declared, and what is declared works. */
    API_2,
    /** MUST: One error kind per condition, with a message naming expected and found. */
    ERR_1,
    /** MUST: Empty inputs. */
    ERR_2,
    /** MUST: Non-finite values where the mathematics has none. */
    ERR_3,
    /** MUST: The tensor value. */
    ARR_1,
    /** MUST: Element-wise arithmetic and functions. */
    ARR_2,
    /** MUST: Transpose reverses the axes. */
    ARR_3,
    /** MUST: dot. */
    ARR_4,
    /** MUST: dot beyond rank 2 is outside the spec. */
    ARR_5,
    /** MUST: sum with axis and keepdims. */
    ARR_6,
    /** MUST: reshape. */
    ARR_7,
    /** MUST: The result shape. */
    BCAST_1,
    /** MUST: Broadcasting equals explicit tiling. */
    BCAST_2,
    /** MUST: Incompatible shapes raise. */
    BCAST_3,
    /** MUST: 0-d operands. */
    BCAST_4,
    /** MUST: Zero-size dimensions. */
    BCAST_5,
    /** MUST: Swapping the operands of + and *. */
    BCAST_6,
    /** MUST: {@code *} broadcasts (erratum E-1). */
    BCAST_7,
    /** MUST: A rank-1 array is neither a row nor a column. */
    RANK1_1,
    /** MUST: dot of a rank-1 array with its transpose is a number. */
    RANK1_2,
    /** MUST: Column times its transpose is an outer product (erratum E-2). */
    RANK1_3,
    /** MUST: reshape fixes a rank-1 array. */
    RANK1_4,
    /** MUST: dot does not broadcast (erratum E-1). */
    RANK1_5,
    /** MUST: Sigmoid. */
    ACT_1,
    /** MUST: Sigmoid derivative. */
    ACT_2,
    /** MUST: tanh. */
    ACT_3,
    /** MUST: tanh derivative. */
    ACT_4,
    /** MUST: ReLU. */
    ACT_5,
    /** MUST: ReLU derivative, and its value at 0. */
    ACT_6,
    /** MUST: Leaky ReLU with a slope parameter. */
    ACT_7,
    /** MUST: Leaky ReLU derivative, and its value at 0. */
    ACT_8,
    /** MUST: ELU. */
    ACT_9,
    /** MUST: ELU derivative. */
    ACT_10,
    /** MUST: Maxout and its derivative. */
    ACT_11,
    /** MUST: Linear activation. */
    ACT_12,
    /** MUST: Extreme and non-finite inputs. */
    ACT_13,
    /** SHOULD: Derivatives accurate in the tails. */
    ACT_14,
    /** MUST: Identities, ranges and monotonicity. */
    ACT_15,
    /** INFORMATIVE: Saturation. */
    ACT_16,
    /** MUST: Binary cross-entropy. */
    LOSS_1,
    /** MUST: The two cases, and ŷ ∈ &#123;0, 1&#125;. */
    LOSS_2,
    /** MUST: Non-negative, minimised at the label, convex in ŷ. */
    LOSS_3,
    /** MUST: Loss from logits. */
    LOSS_4,
    /** MUST: Cost is the mean over the m samples. */
    LOSS_5,
    /** MUST: Labels and predictions are checked, never broadcast. */
    LOSS_6,
    /** MUST: The model and its shapes. */
    LR_1,
    /** MUST: The cost of logistic regression. */
    LR_2,
    /** MUST: The gradient. */
    LR_3,
    /** INFORMATIVE: J is convex in (w, b). */
    LR_4,
    /** INFORMATIVE: No finite minimiser on separable data. */
    LR_5,
    /** MUST: The update. */
    GD_1,
    /** MUST: The learning rate is a finite positive number. */
    GD_2,
    /** INFORMATIVE: A small enough step decreases J. */
    GD_3,
    /** INFORMATIVE: A large step can increase J. */
    GD_4,
    /** MUST: Training returns the cost history. */
    GD_5,
    /** MUST: Vectorized forward equals the per-sample loop. */
    VEC_1,
    /** MUST: Vectorized backward equals the mean of per-sample gradients. */
    VEC_2,
    /** MUST: A vectorized dot equals the loop up to rounding (erratum E-9). */
    VEC_3,
    /** INFORMATIVE: Vectorization is faster. */
    VEC_4,
    /** MUST: Layers and parameter shapes. */
    NET_1,
    /** MUST: Forward propagation. */
    NET_2,
    /** MUST: Any element-wise hidden activation, sigmoid output. */
    NET_3,
    /** INFORMATIVE: Linear hidden layers collapse. */
    NET_4,
    /** MUST: dZ[2] = A[2] − Y. */
    BACKPROP_1,
    /** MUST: dW[2]. */
    BACKPROP_2,
    /** MUST: db[2] with keepdims. */
    BACKPROP_3,
    /** MUST: dZ[1] uses Z[1]. */
    BACKPROP_4,
    /** MUST: dW[1]. */
    BACKPROP_5,
    /** MUST: db[1] with keepdims. */
    BACKPROP_6,
    /** MUST: Saturated outputs keep finite costs and gradients. */
    BACKPROP_8,
    /** MUST: Gradients are the derivatives of the cost. */
    BACKPROP_7,
    /** MUST: One sample. */
    DIM_1,
    /** MUST: m samples, and gradients shaped like their parameters. */
    DIM_2,
    /** MUST: Shape errors name both shapes. */
    DIM_3,
    /** MUST: Small random weights, zero biases. */
    INIT_1,
    /** MUST: When the symmetry holds (the symmetry theorem). */
    INIT_2,
    /** MUST: What zero initialisation learns. */
    INIT_3,
    /** MUST: Zero biases do not cause symmetry. */
    INIT_4,
    /** INFORMATIVE: Large weights saturate sigmoid and tanh. */
    INIT_5,
    /** MUST: Layers, sizes and parameter shapes. */
    DEEP_1,
    /** MUST: Forward propagation, layer by layer. */
    DEEP_2,
    /** MUST: The cost of the output layer. */
    DEEP_3,
    /** MUST: Back propagation, layer by layer. */
    DEEP_4,
    /** MUST: Dimensions, and shape errors that name the layer. */
    DEEP_5,
    /** MUST: Gradients are the derivatives of the cost. */
    DEEP_6,
    /** MUST: Saturated outputs keep finite costs and gradients. */
    DEEP_7,
    /** MUST: Small random weights, zero biases. */
    DEEP_8,
    /** MUST: Symmetric parameters stay symmetric. */
    DEEP_9,
    /** MUST: What zero initialisation learns, and zero biases with random weights. */
    DEEP_10,
    /** MUST: The update. */
    DEEP_11,
    /** MUST: Training returns the cost history. */
    DEEP_12,
    /** MUST: One layer is logistic regression, two layers are the two-layer network. */
    DEEP_13;

    private static final Map<String, ClauseId> BY_ID =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(ClauseId::id, Function.identity()));

    /**
     * The ID as SPEC.md writes it.
     *
     * @return such as {@code NET-2}
     */
    public String id() {
        return name().replace('_', '-');
    }

    /**
     * The constant for an ID as SPEC.md writes it.
     *
     * @param id such as {@code NET-2}
     * @return its constant
     * @throws IllegalArgumentException if SPEC.md has no such clause
     */
    public static ClauseId of(String id) {
        ClauseId c = BY_ID.get(id);
        if (c == null) {
            throw new IllegalArgumentException("\"" + id + "\" is not a clause of SPEC.md");
        }
        return c;
    }

    @Override
    public String toString() {
        return id();
    }
}
