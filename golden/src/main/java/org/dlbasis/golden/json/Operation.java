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
    ADD(ARRAYS), SUBTRACT(ARRAYS), MULTIPLY(ARRAYS), DIVIDE(ARRAYS), MAXIMUM(ARRAYS), GREATER(ARRAYS),
    EXP(ARRAYS), LOG(ARRAYS), TRANSPOSE(ARRAYS), DOT(ARRAYS), SUM(ARRAYS), RESHAPE(ARRAYS),
    ACTIVATION(ACTIVATIONS), ACTIVATION_DERIVATIVE(ACTIVATIONS), MAXOUT(ACTIVATIONS), MAXOUT_DERIVATIVE(ACTIVATIONS),
    LOSS(Capability.LOSS), LOSS_FROM_LOGITS(Capability.LOSS), COST(Capability.LOSS), COST_FROM_LOGITS(Capability.LOSS),
    LR_FORWARD(LOGISTIC_REGRESSION), LR_COST(LOGISTIC_REGRESSION), LR_BACKWARD(LOGISTIC_REGRESSION),
    LR_STEP(LOGISTIC_REGRESSION), LR_TRAIN(LOGISTIC_REGRESSION),
    NET_INITIALIZE(TWO_LAYER_NETWORK), NET_FORWARD(TWO_LAYER_NETWORK), NET_COST(TWO_LAYER_NETWORK),
    NET_BACKWARD(TWO_LAYER_NETWORK), NET_STEP(TWO_LAYER_NETWORK), NET_TRAIN(TWO_LAYER_NETWORK),
    DEEP_INITIALIZE(DEEP_NETWORK), DEEP_FORWARD(DEEP_NETWORK), DEEP_COST(DEEP_NETWORK),
    DEEP_BACKWARD(DEEP_NETWORK), DEEP_STEP(DEEP_NETWORK), DEEP_TRAIN(DEEP_NETWORK);

    private final Capability capability;
    private final String wireName;

    Operation(Capability capability) {
        this.capability = capability;
        this.wireName = name().toLowerCase(Locale.ROOT);
    }

    /** The capability that provides it. */
    public Capability capability() {
        return capability;
    }

    /** Its name in golden files and protocol requests: {@code add}, {@code lr_step}. */
    public String wireName() {
        return wireName;
    }

    /**
     * The operation with this wire name.
     *
     * @throws JsonFormatException for an unknown name, listing the known ones
     */
    public static Operation of(String wireName) {
        for (Operation op : values()) {
            if (op.wireName.equals(wireName)) {
                return op;
            }
        }
        throw new JsonFormatException("unknown operation \"" + wireName + "\"");
    }

    @Override
    public String toString() {
        return wireName;
    }
}
