package org.dlbasis.reference;

import java.util.EnumSet;
import java.util.Set;
import org.dlbasis.reference.activation.ReferenceActivations;
import org.dlbasis.reference.array.ReferenceArrayOps;
import org.dlbasis.reference.loss.CrossEntropy;
import org.dlbasis.reference.model.ReferenceDeepNetwork;
import org.dlbasis.reference.model.ReferenceLogisticRegression;
import org.dlbasis.reference.model.ReferenceTwoLayerNetwork;
import org.dlbasis.spec.api.Activations;
import org.dlbasis.spec.api.ArrayOps;
import org.dlbasis.spec.api.Capability;
import org.dlbasis.spec.api.DeepNetwork;
import org.dlbasis.spec.api.Implementation;
import org.dlbasis.spec.api.LogisticRegression;
import org.dlbasis.spec.api.Loss;
import org.dlbasis.spec.api.TwoLayerNetwork;

/** The reference implementation of every capability, on EJML. */
public final class ReferenceImplementation implements Implementation {
    private final ArrayOps arrays = new ReferenceArrayOps();
    private final Activations activations = new ReferenceActivations();
    private final Loss loss = new CrossEntropy();
    private final LogisticRegression logistic = new ReferenceLogisticRegression();
    private final TwoLayerNetwork network = new ReferenceTwoLayerNetwork();
    private final DeepNetwork deep = new ReferenceDeepNetwork();

    @Override
    public String name() {
        return "dlbasis-reference";
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.allOf(Capability.class);
    }

    @Override
    public ArrayOps arrays() {
        return arrays;
    }

    @Override
    public Activations activations() {
        return activations;
    }

    @Override
    public Loss loss() {
        return loss;
    }

    @Override
    public LogisticRegression logisticRegression() {
        return logistic;
    }

    @Override
    public TwoLayerNetwork twoLayerNetwork() {
        return network;
    }

    @Override
    public DeepNetwork deepNetwork() {
        return deep;
    }
}
