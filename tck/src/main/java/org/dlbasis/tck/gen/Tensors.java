package org.dlbasis.tck.gen;

import static org.quicktheories.generators.Generate.longRange;
import static org.quicktheories.generators.SourceDSL.doubles;

import java.util.Random;
import org.dlbasis.spec.tensor.Shape;
import org.dlbasis.spec.tensor.Tensor;
import org.quicktheories.core.Gen;

/**
 * Tensor and value generators. Values are drawn from a seed (so a failing example is reproducible
 * from the printed tensor) with a controlled magnitude; shapes shrink through their own generator.
 */
public final class Tensors {
    private Tensors() {}

    /**
     * Tensors of the given shapes with values uniform in [−magnitude, magnitude].
     *
     * @param shapes the generator of shapes
     * @param magnitude the largest absolute value
     * @return a generator of tensors
     */
    public static Gen<Tensor> tensors(Gen<Shape> shapes, double magnitude) {
        return shapes.zip(longRange(0, Long.MAX_VALUE), (s, seed) -> uniform(s, new Random(seed), magnitude));
    }

    /**
     * A tensor of {@code shape} with values uniform in [−magnitude, magnitude].
     *
     * @param shape the shape
     * @param random the random source
     * @param magnitude the largest absolute value
     * @return the tensor
     */
    public static Tensor uniform(Shape shape, Random random, double magnitude) {
        double[] v = new double[shape.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = (2 * random.nextDouble() - 1) * magnitude;
        }
        return Tensor.of(shape, v);
    }

    /**
     * A tensor of {@code shape} with N(0, 1)·scale values.
     *
     * @param shape the shape
     * @param random the random source
     * @param scale the standard deviation
     * @return the tensor
     */
    public static Tensor gaussian(Shape shape, Random random, double scale) {
        double[] v = new double[shape.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = random.nextGaussian() * scale;
        }
        return Tensor.of(shape, v);
    }

    /**
     * Finite doubles in [lo, hi].
     *
     * @param lo the lower bound
     * @param hi the upper bound
     * @return a generator of doubles
     */
    public static Gen<Double> between(double lo, double hi) {
        return doubles().between(lo, hi);
    }

    /**
     * Doubles in [−max, max] at least {@code gap} away from 0 (the kink of ReLU and Leaky ReLU).
     *
     * @param gap the smallest absolute value
     * @param max the largest absolute value
     * @return a generator of doubles of either sign
     */
    public static Gen<Double> awayFromZero(double gap, double max) {
        return doubles().between(gap, max).zip(longRange(0, 1), (v, sign) -> sign == 0 ? v : -v);
    }

    /**
     * Any finite double, including extremes and subnormals, as QuickTheories draws them.
     *
     * @return a generator of finite doubles
     */
    public static Gen<Double> anyFinite() {
        return doubles().any().assuming(Double::isFinite);
    }
}
