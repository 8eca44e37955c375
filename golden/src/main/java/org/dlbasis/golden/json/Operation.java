package org.dlbasis.golden.json;

import static org.dlbasis.spec.api.Capability.ACTIVATIONS;
import static org.dlbasis.spec.api.Capability.ARRAYS;
import static org.dlbasis.spec.api.Capability.DEEP_NETWORK;
import static org.dlbasis.spec.api.Capability.LOGISTIC_REGRESSION;
import static org.dlbasis.spec.api.Capability.TWO_LAYER_NETWORK;

import java.util.Locale;
import org.dlbasis.spec.api.Capability;

/**
 * The language-neutral operations, one per call of the Java API: the one table that the golden
 * files, the protocol's requests (spec/PROTOCOL.md), the decoder ({@link Operations}) and the
 * protocol's encoder share. The wire name is the constant's name in lower case ({@code lr_step}).
 */
public enum Operation {
    /** {@code ArrayOps.add}: {@code a + b}, broadcasting. */
    ADD(ARRAYS),
    /** {@code ArrayOps.subtract}: {@code a - b}, broadcasting. */
    SUBTRACT(ARRAYS),
    /** {@code ArrayOps.multiply}: {@code a * b} element-wise, broadcasting. */
    MULTIPLY(ARRAYS),
    /** {@code ArrayOps.divide}: {@code a / b}, broadcasting. */
    DIVIDE(ARRAYS),
    /** {@code ArrayOps.maximum}: {@code np.maximum(a, b)}, broadcasting. */
    MAXIMUM(ARRAYS),
    /** {@code ArrayOps.greater}: {@code (a > b)} as 1.0/0.0, broadcasting. */
    GREATER(ARRAYS),
    /** {@code ArrayOps.exp}: e^a element-wise. */
    EXP(ARRAYS),
    /** {@code ArrayOps.log}: the natural logarithm element-wise. */
    LOG(ARRAYS),
    /** {@code ArrayOps.transpose}: {@code a.T}. */
    TRANSPOSE(ARRAYS),
    /** {@code ArrayOps.dot}: {@code np.dot(a, b)}. */
    DOT(ARRAYS),
    /** {@code ArrayOps.sum}: the sum over {@code params.axis} (null: all), with {@code params.keepdims}. */
    SUM(ARRAYS),
    /** {@code ArrayOps.reshape}: {@code a} reshaped to {@code params.dims}. */
    RESHAPE(ARRAYS),
    /** {@code Activations.apply}: the activation {@code params.activation} of {@code z}. */
    ACTIVATION(ACTIVATIONS),
    /** {@code Activations.derivative}: the activation's derivative at {@code z}. */
    ACTIVATION_DERIVATIVE(ACTIVATIONS),
    /** {@code Activations.maxout}: the maximum over the pieces. */
    MAXOUT(ACTIVATIONS),
    /** {@code Activations.maxoutDerivative}: 1 at the winning piece of every position, 0 elsewhere. */
    MAXOUT_DERIVATIVE(ACTIVATIONS),
    /** {@code Loss.loss}: the cross-entropy loss of every entry, from probabilities {@code y_hat}. */
    LOSS(Capability.LOSS),
    /** {@code Loss.lossFromLogits}: the cross-entropy loss of every entry, from logits {@code z}. */
    LOSS_FROM_LOGITS(Capability.LOSS),
    /** {@code Loss.cost}: the cost J = (1/m) Σ L, from probabilities, as a 0-d tensor. */
    COST(Capability.LOSS),
    /** {@code Loss.costFromLogits}: the cost J = (1/m) Σ L, from logits, as a 0-d tensor. */
    COST_FROM_LOGITS(Capability.LOSS),
    /** {@code LogisticRegression.forward}: the predicted probabilities for {@code x}. */
    LR_FORWARD(LOGISTIC_REGRESSION),
    /** {@code LogisticRegression.cost}: the cost on {@code (x, y)}. */
    LR_COST(LOGISTIC_REGRESSION),
    /** {@code LogisticRegression.backward}: the gradients {@code dw}, {@code db}. */
    LR_BACKWARD(LOGISTIC_REGRESSION),
    /** {@code LogisticRegression.step}: one gradient-descent update of the parameters. */
    LR_STEP(LOGISTIC_REGRESSION),
    /** {@code LogisticRegression.train}: {@code params.iterations} steps; the parameters and the costs. */
    LR_TRAIN(LOGISTIC_REGRESSION),
    /** {@code TwoLayerNetwork.initialize}: Gaussian initial parameters for the sizes nx, nh, ny. */
    NET_INITIALIZE(TWO_LAYER_NETWORK),
    /** {@code TwoLayerNetwork.forward}: the cache z1, a1, z2, a2. */
    NET_FORWARD(TWO_LAYER_NETWORK),
    /** {@code TwoLayerNetwork.cost}: the cost on {@code (x, y)}. */
    NET_COST(TWO_LAYER_NETWORK),
    /** {@code TwoLayerNetwork.backward}: the gradients dw1, db1, dw2, db2. */
    NET_BACKWARD(TWO_LAYER_NETWORK),
    /** {@code TwoLayerNetwork.step}: one gradient-descent update of the parameters. */
    NET_STEP(TWO_LAYER_NETWORK),
    /** {@code TwoLayerNetwork.train}: {@code params.iterations} steps; the parameters and the costs. */
    NET_TRAIN(TWO_LAYER_NETWORK),
    /** {@code DeepNetwork.initialize}: Gaussian initial parameters for {@code params.layer_sizes}. */
    DEEP_INITIALIZE(DEEP_NETWORK),
    /** {@code DeepNetwork.forward}: the cache z1, a1, …, zL, aL. */
    DEEP_FORWARD(DEEP_NETWORK),
    /** {@code DeepNetwork.cost}: the cost on {@code (x, y)}. */
    DEEP_COST(DEEP_NETWORK),
    /** {@code DeepNetwork.backward}: the gradients dw1, db1, …, dwL, dbL. */
    DEEP_BACKWARD(DEEP_NETWORK),
    /** {@code DeepNetwork.step}: one gradient-descent update of the parameters. */
    DEEP_STEP(DEEP_NETWORK),
    /** {@code DeepNetwork.train}: {@code params.iterations} steps; the parameters and the costs. */
    DEEP_TRAIN(DEEP_NETWORK);

    private final Capability capability;
    private final String wireName;

    Operation(Capability capability) {
        this.capability = capability;
        this.wireName = name().toLowerCase(Locale.ROOT);
    }

    /**
     * The capability that provides it.
     *
     * @return the capability an implementation must declare for this operation
     */
    public Capability capability() {
        return capability;
    }

    /**
     * Its name in golden files and protocol requests: {@code add}, {@code lr_step}.
     *
     * @return the constant's name in lower case
     */
    public String wireName() {
        return wireName;
    }

    /**
     * The operation with this wire name.
     *
     * @param wireName the name in a golden file or protocol request, such as {@code lr_step}
     * @return the operation
     * @throws JsonFormatException for an unknown name, listing the known ones
     */
    public static Operation of(String wireName) {
        for (Operation op : values()) {
            if (op.wireName.equals(wireName)) {
                return op;
            }
        }
        throw new JsonFormatException("unknown operation \"" + wireName + "\"; known: "
                + java.util.Arrays.stream(values()).map(Operation::wireName).toList());
    }

    @Override
    public String toString() {
        return wireName;
    }
}
