package org.dlbasis.tck.gen;

import static org.quicktheories.generators.Generate.longRange;
import static org.quicktheories.generators.Generate.range;

import java.util.List;
import java.util.Random;
import org.dlbasis.spec.api.Activation;
import org.dlbasis.spec.api.LayerSizes;
import org.dlbasis.spec.api.NetworkParameters;
import org.dlbasis.spec.tensor.Shape;
import org.dlbasis.spec.tensor.Tensor;
import org.quicktheories.core.Gen;

/** Data sets, layer sizes and parameters for the model properties, small enough for 2 cores. */
public final class Datasets {
    /** The margin of {@link #separable}: no point closer than this to the hidden hyperplane. */
    private static final double MARGIN = 0.1;

    private Datasets() {}

    /**
     * n in [1, maxN], m in [1, maxM], X uniform in [−2, 2], Y with both labels when m ≥ 2.
     *
     * @param maxN the most features
     * @param maxM the most samples
     * @param rows the rows of Y (output units)
     * @return a generator of data sets made by {@link #random}
     */
    public static Gen<Dataset> datasets(int maxN, int maxM, int rows) {
        return range(1, maxN)
                .zip(
                        range(1, maxM),
                        longRange(0, Long.MAX_VALUE),
                        (n, m, seed) -> random(n, m, rows, new Random(seed)));
    }

    /**
     * A random data set of the given size.
     *
     * @param n the features (rows of X)
     * @param m the samples (columns of X and Y)
     * @param rows the rows of Y
     * @param random the random source
     * @return X (n, m) uniform in [−2, 2], and Y (rows, m) with both labels in every row when m ≥ 2
     */
    public static Dataset random(int n, int m, int rows, Random random) {
        Tensor x = Tensors.uniform(Shape.of(n, m), random, 2);
        double[] y = new double[rows * m];
        for (int i = 0; i < y.length; i++) {
            y[i] = i % m == 0 ? i / m % 2 : random.nextInt(2); // column 0 alternates, so both labels occur
        }
        if (m >= 2) {
            for (int r = 0; r < rows; r++) {
                y[r * m + 1] = 1 - y[r * m];
            }
        }
        return new Dataset(x, Tensor.of(Shape.of(rows, m), y));
    }

    /**
     * Linearly separable data: y = 1 exactly where wᵀx &gt; 0 for a hidden unit vector w, with a
     * margin |wᵀx| ≥ 0.1. A point inside the margin is moved along w onto its edge rather than
     * drawn again, so the generator is bounded for every n and every w (redrawing looped forever
     * for n = 1 and a small w).
     *
     * @param n the features (rows of X)
     * @param m the samples
     * @param random the random source, for w and X
     * @return X (n, m) with entries in [−2, 2], and Y (1, m)
     */
    public static Dataset separable(int n, int m, Random random) {
        double[] w = unitGaussian(n, random);
        double[] x = new double[n * m];
        double[] y = new double[m];
        for (int j = 0; j < m; j++) {
            double z = 0;
            for (int i = 0; i < n; i++) {
                x[i * m + j] = 4 * random.nextDouble() - 2;
                z += w[i] * x[i * m + j];
            }
            if (Math.abs(z) < MARGIN) {
                double shift = Math.copySign(MARGIN, z) - z; // wᵀ(x + shift·w) = z + shift, as |w| = 1
                for (int i = 0; i < n; i++) {
                    x[i * m + j] += shift * w[i];
                }
                z += shift;
            }
            y[j] = z > 0 ? 1 : 0;
        }
        return new Dataset(Tensor.of(Shape.of(n, m), x), Tensor.of(Shape.of(1, m), y));
    }

    /** A direction drawn uniformly on the unit sphere (e₀ in the measure-zero case of a zero draw). */
    private static double[] unitGaussian(int n, Random random) {
        double[] w = new double[n];
        double norm = 0;
        for (int i = 0; i < n; i++) {
            w[i] = random.nextGaussian();
            norm = Math.hypot(norm, w[i]);
        }
        for (int i = 0; i < n; i++) {
            w[i] = norm > 0 ? w[i] / norm : i == 0 ? 1 : 0;
        }
        return w;
    }

    /**
     * Layer sizes up to {@code max}, with n[2] in [1, min(3, maxOutputs)].
     *
     * @param max the largest n[0] and n[1]
     * @param maxOutputs the most output units the implementation declares
     * @return a generator of two-layer sizes (nx, nh, ny)
     */
    public static Gen<LayerSizes> layerSizesWithOutputs(int max, int maxOutputs) {
        return range(1, max).zip(range(1, max), range(1, Math.min(3, maxOutputs)), LayerSizes::new);
    }

    /**
     * Random networks: sizes up to {@code maxSize} (n[2] up to min(3, maxOutputs)), m in [1, maxM),
     * a hidden activation from {@code activations}, data from {@link #random}, parameters N(0, 1)
     * (biases included).
     *
     * @param maxSize the largest n[0] and n[1]
     * @param maxM the bound on m
     * @param activations the hidden activations to pick from
     * @param maxOutputs the most output units the implementation declares
     * @return a generator of two-layer cases
     */
    public static Gen<NetworkCase> networkCases(int maxSize, int maxM, List<Activation> activations, int maxOutputs) {
        return layerSizesWithOutputs(maxSize, maxOutputs)
                .zip(
                        range(1, maxM),
                        ActivationsGen.anyOf(activations),
                        longRange(0, Long.MAX_VALUE),
                        (s, m, g, seed) -> {
                            Random r = new Random(seed);
                            Dataset d = random(s.nx(), m, s.ny(), r);
                            return new NetworkCase(d, parameters(s, r, 1), g);
                        });
    }

    /**
     * Parameters with N(0,1)·scale weights and N(0,1)·scale biases (not zero, to exercise b).
     *
     * @param s the layer sizes
     * @param random the random source
     * @param scale the standard deviation of every entry
     * @return W1 (nh, nx), b1 (nh, 1), W2 (ny, nh), b2 (ny, 1)
     */
    public static NetworkParameters parameters(LayerSizes s, Random random, double scale) {
        return new NetworkParameters(
                Tensors.gaussian(Shape.of(s.nh(), s.nx()), random, scale),
                Tensors.gaussian(Shape.of(s.nh(), 1), random, scale),
                Tensors.gaussian(Shape.of(s.ny(), s.nh()), random, scale),
                Tensors.gaussian(Shape.of(s.ny(), 1), random, scale));
    }
}
