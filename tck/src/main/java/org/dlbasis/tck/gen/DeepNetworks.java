package org.dlbasis.tck.gen;

import static org.quicktheories.generators.Generate.intArrays;
import static org.quicktheories.generators.Generate.longRange;
import static org.quicktheories.generators.Generate.range;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.dlbasis.spec.api.Activation;
import org.dlbasis.spec.api.DeepParameters;
import org.dlbasis.spec.tensor.Shape;
import org.dlbasis.spec.tensor.Tensor;
import org.quicktheories.core.Gen;

/** Layer sizes, parameters and whole cases for the L-layer network (SPEC DEEP-*), small enough for 2 cores. */
public final class DeepNetworks {
    /** The most output units drawn: n[L] ≤ 3, as for the two-layer network. */
    private static final int MAX_OUTPUTS = 3;

    private DeepNetworks() {}

    /**
     * n[0], n[1], …, n[L] with L in [1, maxLayers], every width in [1, maxWidth] and n[L] at most
     * min(3, maxOutputs); shrinks towards fewer layers and narrower ones.
     *
     * @param maxLayers the most layers L
     * @param maxWidth the widest layer, input included
     * @param maxOutputs the most output units the implementation declares
     * @return a generator of layer sizes n[0], …, n[L]
     */
    public static Gen<int[]> sizes(int maxLayers, int maxWidth, int maxOutputs) {
        int outputs = Math.min(MAX_OUTPUTS, maxOutputs);
        return intArrays(range(2, maxLayers + 1), range(1, maxWidth))
                .map(n -> {
                    int[] sizes = n.clone();
                    sizes[sizes.length - 1] = Math.min(sizes[sizes.length - 1], outputs);
                    return sizes;
                })
                .describedAs(DeepNetworks::describe);
    }

    /** {@code sizes 3-4-2-1 (L = 3)}: how a counterexample shows layer sizes. */
    static String describe(int[] sizes) {
        return "sizes "
                + java.util.Arrays.stream(sizes)
                        .mapToObj(Integer::toString)
                        .collect(java.util.stream.Collectors.joining("-"))
                + " (L = " + (sizes.length - 1) + ")";
    }

    /**
     * Random networks: sizes from {@link #sizes}, m in [1, maxM), a hidden activation from
     * {@code activations}, data from {@link Datasets#random}, parameters N(0, 1) (biases included).
     *
     * @param maxLayers the most layers L
     * @param maxWidth the widest layer, input included
     * @param maxM the bound on m
     * @param activations the hidden activations to pick from
     * @param maxOutputs the most output units the implementation declares
     * @return a generator of L-layer cases
     */
    public static Gen<DeepCase> cases(
            int maxLayers, int maxWidth, int maxM, List<Activation> activations, int maxOutputs) {
        return sizes(maxLayers, maxWidth, maxOutputs)
                .zip(
                        range(1, maxM),
                        ActivationsGen.anyOf(activations),
                        longRange(0, Long.MAX_VALUE),
                        (n, m, g, seed) -> {
                            Random r = new Random(seed);
                            Dataset d = Datasets.random(n[0], m, n[n.length - 1], r);
                            return new DeepCase(d, parameters(n, r, 1), g);
                        });
    }

    /**
     * W[l] and b[l] with N(0, 1)·scale entries (biases too, to exercise them) for sizes n[0], …, n[L].
     *
     * @param n the layer sizes n[0], …, n[L]
     * @param random the random source
     * @param scale the standard deviation of every entry
     * @return W[l] (n[l], n[l−1]) and b[l] (n[l], 1) for l = 1 … L
     */
    public static DeepParameters parameters(int[] n, Random random, double scale) {
        List<Tensor> w = new ArrayList<>();
        List<Tensor> b = new ArrayList<>();
        for (int l = 1; l < n.length; l++) {
            w.add(Tensors.gaussian(Shape.of(n[l], n[l - 1]), random, scale));
            b.add(Tensors.gaussian(Shape.of(n[l], 1), random, scale));
        }
        return new DeepParameters(w, b);
    }

    /**
     * {@code p} with W[l] replaced (l = 1 … L).
     *
     * @param p the parameters
     * @param l the layer, from 1
     * @param w the new W[l]
     * @return a copy of {@code p} with that one weight matrix replaced
     */
    public static DeepParameters withW(DeepParameters p, int l, Tensor w) {
        List<Tensor> ws = new ArrayList<>(p.w());
        ws.set(l - 1, w);
        return new DeepParameters(ws, p.b());
    }

    /**
     * {@code p} with b[l] replaced (l = 1 … L).
     *
     * @param p the parameters
     * @param l the layer, from 1
     * @param b the new b[l]
     * @return a copy of {@code p} with that one bias replaced
     */
    public static DeepParameters withB(DeepParameters p, int l, Tensor b) {
        List<Tensor> bs = new ArrayList<>(p.b());
        bs.set(l - 1, b);
        return new DeepParameters(p.w(), bs);
    }
}
