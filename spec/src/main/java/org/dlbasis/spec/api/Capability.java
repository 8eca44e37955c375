package org.dlbasis.spec.api;

/**
 * What an implementation may declare. A clause whose capability is not declared is reported as
 * "not implemented", never as a failure (SPEC API-1).
 */
public enum Capability {
    /** {@link ArrayOps}: broadcasting arithmetic, transpose, dot, sum, reshape. */
    ARRAYS,
    /** {@link Activations}: activation functions and their derivatives. */
    ACTIVATIONS,
    /** {@link Loss}: cross-entropy loss and cost, from probabilities and from logits. */
    LOSS,
    /** {@link LogisticRegression}. */
    LOGISTIC_REGRESSION,
    /** {@link TwoLayerNetwork}. */
    TWO_LAYER_NETWORK,
    /** {@link DeepNetwork}: L layers, [LINEAR → g] × (L − 1) → LINEAR → SIGMOID (SPEC DEEP-*). */
    DEEP_NETWORK
}
