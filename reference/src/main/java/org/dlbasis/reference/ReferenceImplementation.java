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

/**
 * The reference implementation of every capability, on EJML. Training (logistic regression and the
 * two-layer network) uses every core by default; {@link #ReferenceImplementation(int)} sets the
 * thread count, which changes the time and never the result.
 */
public final class ReferenceImplementation implements Implementation {
    private final ArrayOps arrays = new ReferenceArrayOps();
    private final Activations activations = new ReferenceActivations();
    private final Loss loss = new CrossEntropy();
    private final LogisticRegression logistic;
    private final TwoLayerNetwork network;
    private final DeepNetwork deep = new ReferenceDeepNetwork();

    /** Trains on every core ({@link Runtime#availableProcessors()}). */
    public ReferenceImplementation() {
        this(Runtime.getRuntime().availableProcessors());
    }

    /**
     * Trains on this many threads: 1 for a single-threaded comparison.
     *
     * @param threads at least 1
     */
    public ReferenceImplementation(int threads) {
        this.logistic = new ReferenceLogisticRegression(threads);
        this.network = new ReferenceTwoLayerNetwork(threads);
    }

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
