package org.dlbasis.tck.gen;

import org.dlbasis.spec.api.Activation;
import org.dlbasis.spec.api.NetworkParameters;

/** A two-layer network to check: its data, its parameters and its hidden activation. */
public record NetworkCase(Dataset data, NetworkParameters parameters, Activation activation) {
}
