package org.dlbasis.reference.fast;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.dlbasis.reference.activation.ScalarActivations;
import org.dlbasis.reference.loss.CrossEntropy;
import org.junit.jupiter.api.Test;

/**
 * The training loops' shortcuts that share one exponential between two functions give exactly the
 * bits of the functions themselves: they change the time, never the result.
 */
class SharedExpTest {
    private static final double[] SPECIAL = {
        0.0,
        -0.0,
        1e-300,
        -1e-300,
        Double.MIN_VALUE,
        0.55,
        -0.55,
        Math.nextDown(0.55),
        0.5,
        19.1,
        -37,
        40,
        710,
        -710,
        1e308,
        Double.POSITIVE_INFINITY,
        Double.NEGATIVE_INFINITY,
        Double.NaN
    };

    private static double[] arguments() {
        Random r = new Random(21);
        double[] z = new double[SPECIAL.length + 200_000];
        System.arraycopy(SPECIAL, 0, z, 0, SPECIAL.length);
        for (int i = SPECIAL.length; i < z.length; i++) {
            z[i] = i % 2 == 0 ? r.nextGaussian() * 3 : Math.scalb(r.nextDouble() - 0.5, r.nextInt(40) - 30);
        }
        return z;
    }

    @Test
    void tanhWithItsDerivativeIsTanhAndTanhDerivative() {
        double[] d = new double[1];
        for (double z : arguments()) {
            double t = SharedExp.tanhWithDerivative(z, d, 0);
            assertEquals(Double.doubleToLongBits(ScalarActivations.tanh(z)), Double.doubleToLongBits(t), "tanh " + z);
            assertEquals(
                    Double.doubleToLongBits(ScalarActivations.tanhDerivative(z)),
                    Double.doubleToLongBits(d[0]),
                    "tanh' " + z);
        }
    }

    @Test
    void sigmoidAndTheLossGivenTheExponentialAreTheFunctions() {
        for (double z : arguments()) {
            double e = Math.exp(-Math.abs(z));
            assertEquals(
                    Double.doubleToLongBits(ScalarActivations.sigmoid(z)),
                    Double.doubleToLongBits(SharedExp.sigmoid(z, e)),
                    "σ " + z);
            for (double y : new double[] {0, 1}) {
                assertEquals(
                        Double.doubleToLongBits(CrossEntropy.lossFromLogit(z, y)),
                        Double.doubleToLongBits(SharedExp.lossFromLogit(z, y, e)),
                        "L " + z + ", " + y);
            }
        }
    }
}
