package org.dlbasis.tck.gen;

import org.dlbasis.spec.api.Activation;
import org.dlbasis.spec.api.NetworkParameters;

/**
 * A two-layer network to check: its data, its parameters and its hidden activation.
 *
 * @param data X (n[0], m) and Y (n[2], m)
 * @param parameters W1, b1, W2, b2
 * @param activation the activation of the hidden layer
 */
public record NetworkCase(Dataset data, NetworkParameters parameters, Activation activation) {}
