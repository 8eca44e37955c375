package org.dlbasis.tck.gen;

import static org.quicktheories.generators.SourceDSL.doubles;

import java.util.List;
import org.dlbasis.spec.api.Activation;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** The element-wise activations of the spec, with their parameters. */
public final class ActivationsGen {
    private ActivationsGen() {}

    /** One of each kind with the default parameter, plus Leaky ReLU 0.2 and ELU 0.5. */
    public static final List<Activation> ALL = List.of(
            Activation.sigmoid(),
            Activation.tanh(),
            Activation.relu(),
            Activation.leakyRelu(),
            Activation.leakyRelu(0.2),
            Activation.elu(),
            Activation.elu(0.5),
            Activation.linear());

    /** Smooth (everywhere differentiable) activations, for derivative checks anywhere. */
    public static final List<Activation> SMOOTH =
            List.of(Activation.sigmoid(), Activation.tanh(), Activation.elu(), Activation.linear());

    /**
     * One of {@code activations} (for example the declared ones among {@link #ALL}).
     *
     * @param activations the activations to pick from, not empty
     * @return a generator that picks one of them
     */
    public static Gen<Activation> anyOf(List<Activation> activations) {
        return Generate.pick(activations);
    }

    /**
     * Leaky ReLU with a slope in [0, 1).
     *
     * @return a generator of Leaky ReLU activations
     */
    public static Gen<Activation> leakyRelus() {
        return doubles().between(0, 0.999).map(Activation::leakyRelu);
    }

    /**
     * ELU with α in (0, 3].
     *
     * @return a generator of ELU activations
     */
    public static Gen<Activation> elus() {
        return doubles().between(0.01, 3).map(Activation::elu);
    }
}
