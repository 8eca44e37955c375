package org.dlbasis.reference.fast;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.dlbasis.reference.ReferenceImplementation;
import org.dlbasis.spec.api.Activation;
import org.dlbasis.spec.api.NetworkParameters;
import org.dlbasis.spec.api.Training;
import org.dlbasis.spec.tensor.Shape;
import org.dlbasis.spec.tensor.Tensor;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.RandomMatrices_DDRM;
import org.junit.jupiter.api.Test;

/**
 * The one-pass kernels (plain Java, and the Vector API: this module's tests run with its module)
 * against the textbook products with EJML, on shapes from 1 × 1 to wide ones with every remainder
 * of four rows and of a vector, and the same bits for every thread count.
 */
class FirstLayerPassTest {
    private static List<RowKernel> kernels(double[] x, int n, int m, int h) {
        List<RowKernel> all = new ArrayList<>(List.of(new ScalarRowKernel(x, n, m, h)));
        if (RowKernel.vectorAvailable()) {
            all.add(RowKernel.vector(x, n, m, h));
        }
        return all;
    }

    @Test
    void theVectorKernelIsTestedHereWhereTheHardwareHasVectors() {
        assertTrue(ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent(), "surefire's argLine");
        assumeTrue(RowKernel.vectorAvailable(), "no vectors of four doubles on this machine");
        assertTrue(RowKernel.best(new double[1], 1, 1, 1) instanceof VectorRowKernel);
    }

    private static final int[][] SHAPES = { // n, m, h
        {1, 1, 1}, {3, 5, 2}, {4, 1, 1}, {5, 2, 7}, {70, 12, 4}, {71, 13, 1}, {133, 9, 7}, {300, 209, 3}, {66, 4, 9}
    };

    /** 2·SUM(k) with terms of magnitude ≤ 1 (the two sums may be ordered differently). */
    private static double bound(int k) {
        return 2 * k * 0x1p-53 / (1 - k * 0x1p-53) * Math.max(1, k);
    }

    @Test
    void theProductIsWTimesX() {
        Random r = new Random(11);
        for (int[] s : SHAPES) {
            DMatrixRMaj x = RandomMatrices_DDRM.rectangle(s[0], s[1], -1, 1, r);
            DMatrixRMaj w = RandomMatrices_DDRM.rectangle(s[2], s[0], -1, 1, r);
            DMatrixRMaj expected = new DMatrixRMaj(s[2], s[1]);
            CommonOps_DDRM.mult(w, x, expected);
            for (RowKernel kernel : kernels(x.data, s[0], s[1], s[2])) {
                double[] z = new double[s[2] * s[1]];
                Arrays.fill(z, Double.NaN); // must be overwritten
                try (Threads t = new Threads(1)) {
                    new FirstLayerPass(s[0], s[1], s[2], t, kernel).product(w.data, z);
                }
                for (int i = 0; i < z.length; i++) {
                    assertEquals(
                            expected.data[i], z[i], bound(s[0]), kernel + ": entry " + i + " of " + Arrays.toString(s));
                }
            }
        }
    }

    @Test
    void theStepIsTheGradientStepAndTheProductUsesTheNewW() {
        Random r = new Random(12);
        double alpha = 0.7;
        for (int[] s : SHAPES) {
            DMatrixRMaj x = RandomMatrices_DDRM.rectangle(s[0], s[1], -1, 1, r);
            DMatrixRMaj w = RandomMatrices_DDRM.rectangle(s[2], s[0], -1, 1, r);
            DMatrixRMaj dz = RandomMatrices_DDRM.rectangle(s[2], s[1], -1, 1, r);
            DMatrixRMaj grad = new DMatrixRMaj(s[2], s[0]);
            CommonOps_DDRM.multTransB(dz, x, grad); // dZ Xᵀ
            DMatrixRMaj stepped = w.copy();
            for (int i = 0; i < stepped.data.length; i++) {
                stepped.data[i] -= alpha * ((1.0 / s[1]) * grad.data[i]);
            }
            DMatrixRMaj expectedZ = new DMatrixRMaj(s[2], s[1]);
            CommonOps_DDRM.mult(stepped, x, expectedZ);
            for (RowKernel kernel : kernels(x.data, s[0], s[1], s[2])) {
                double[] w1 = w.data.clone();
                double[] z = new double[s[2] * s[1]];
                try (Threads t = new Threads(1)) {
                    new FirstLayerPass(s[0], s[1], s[2], t, kernel).stepAndProduct(w1, dz.data, alpha, z);
                }
                for (int i = 0; i < w1.length; i++) {
                    assertEquals(
                            stepped.data[i],
                            w1[i],
                            alpha * bound(s[1]),
                            kernel + ": W " + i + " of " + Arrays.toString(s));
                }
                for (int i = 0; i < z.length; i++) {
                    assertEquals(
                            expectedZ.data[i],
                            z[i],
                            4 * bound(s[0]),
                            kernel + ": Z " + i + " of " + Arrays.toString(s));
                }
            }
        }
    }

    @Test
    void everyThreadCountGivesTheSameBits() {
        Random r = new Random(13);
        int n = 1000;
        int m = 97;
        int h = 5;
        double[] x = RandomMatrices_DDRM.rectangle(n, m, -1, 1, r).data;
        double[] w0 = RandomMatrices_DDRM.rectangle(h, n, -1, 1, r).data;
        double[] dz = RandomMatrices_DDRM.rectangle(h, m, -1, 1, r).data;
        for (RowKernel kernel : kernels(x, n, m, h)) {
            double[] firstW = null;
            double[] firstZ = null;
            for (int threads : new int[] {1, 2, 3, 8}) {
                double[] w = w0.clone();
                double[] z = new double[h * m];
                try (Threads t = new Threads(threads)) {
                    FirstLayerPass pass = new FirstLayerPass(n, m, h, t, kernel);
                    for (int i = 0; i < 3; i++) {
                        pass.stepAndProduct(w, dz, 0.1, z);
                    }
                }
                if (firstW == null) {
                    firstW = w;
                    firstZ = z;
                } else {
                    assertArrayEquals(firstW, w, kernel + ": " + threads + " threads changed W");
                    assertArrayEquals(firstZ, z, kernel + ": " + threads + " threads changed Z");
                }
            }
        }
    }

    @Test
    void theResultDoesNotDependOnWhenTheJitCompilesTheKernel() {
        Random r = new Random(15);
        int n = 37;
        int m = 19;
        int h = 3;
        double[] x = RandomMatrices_DDRM.rectangle(n, m, -1, 1, r).data;
        double[] w0 = RandomMatrices_DDRM.rectangle(h, n, -1, 1, r).data;
        double[] dz = RandomMatrices_DDRM.rectangle(h, m, -1, 1, r).data;
        for (RowKernel kernel : kernels(x, n, m, h)) {
            double[] first = null;
            try (Threads t = new Threads(1)) {
                FirstLayerPass pass = new FirstLayerPass(n, m, h, t, kernel);
                for (int call = 0; call < 20_000; call++) { // interpreted first, compiled later
                    double[] w = w0.clone();
                    double[] z = new double[h * m];
                    pass.stepAndProduct(w, dz, 0.1, z);
                    if (first == null) {
                        first = z;
                    } else if (!Arrays.equals(first, z)) {
                        throw new AssertionError(kernel + ": call " + call + " gave other bits than the first");
                    }
                }
            }
        }
    }

    @Test
    void trainingGivesTheSameBitsOnOneThreadAndOnMany() {
        Random r = new Random(14);
        Tensor x = Tensor.of(Shape.of(300, 40), RandomMatrices_DDRM.rectangle(300, 40, -1, 1, r).data);
        double[] labels = new double[40];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = r.nextInt(2);
        }
        Tensor y = Tensor.of(Shape.of(1, 40), labels);
        NetworkParameters p = new NetworkParameters(
                Tensor.of(Shape.of(7, 300), RandomMatrices_DDRM.rectangle(7, 300, -0.1, 0.1, r).data),
                Tensor.zeros(7, 1),
                Tensor.of(Shape.of(1, 7), RandomMatrices_DDRM.rectangle(1, 7, -1, 1, r).data),
                Tensor.zeros(1, 1));
        Training<NetworkParameters> one =
                new ReferenceImplementation(1).twoLayerNetwork().train(p, x, y, Activation.relu(), 0.05, 20);
        Training<NetworkParameters> many =
                new ReferenceImplementation(4).twoLayerNetwork().train(p, x, y, Activation.relu(), 0.05, 20);
        assertArrayEquals(one.costs(), many.costs());
        assertArrayEquals(
                one.parameters().w1().toArray(), many.parameters().w1().toArray());
        assertArrayEquals(
                one.parameters().w2().toArray(), many.parameters().w2().toArray());
    }
}
