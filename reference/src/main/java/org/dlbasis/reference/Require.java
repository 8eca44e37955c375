package org.dlbasis.reference;

import org.dlbasis.spec.error.EmptyInputException;
import org.dlbasis.spec.error.InvalidArgumentException;
import org.dlbasis.spec.error.InvalidLabelException;
import org.dlbasis.spec.error.Messages;
import org.dlbasis.spec.error.NonFiniteInputException;
import org.dlbasis.spec.error.ShapeMismatchException;
import org.dlbasis.spec.tensor.Shape;
import org.dlbasis.spec.tensor.Tensor;

/**
 * The input checks of the spec (SPEC ERR-*), each raising the spec's exception with a message that
 * names what was expected and what was found.
 */
public final class Require {
    private Require() {}

    /**
     * {@code t} has exactly {@code expected} as its shape.
     *
     * @param what the argument's name in the message
     * @param t the argument
     * @param expected the shape it must have
     * @throws ShapeMismatchException {@code <what> must have shape <expected>, found <found>}
     */
    public static void shape(String what, Tensor t, Shape expected) {
        if (!t.shape().equals(expected)) {
            throw new ShapeMismatchException(Messages.expectedShape(what, expected, t.shape()));
        }
    }

    /**
     * {@code t} is a matrix (rank 2).
     *
     * @param what the argument's name in the message
     * @param t the argument
     * @throws ShapeMismatchException if its rank is not 2
     */
    public static void matrix(String what, Tensor t) {
        if (t.rank() != 2) {
            throw new ShapeMismatchException(what + " must be a matrix of shape (rows,columns), found " + t.shape());
        }
    }

    /**
     * m ≥ 1 samples.
     *
     * @param m the number of samples (columns)
     * @throws EmptyInputException if m &lt; 1
     */
    public static void samples(int m) {
        if (m < 1) {
            throw new EmptyInputException("m must be >= 1 samples (columns), found m = " + m);
        }
    }

    /**
     * No NaN and no ±∞ in {@code t}.
     *
     * @param what the argument's name in the message
     * @param t the argument
     * @throws NonFiniteInputException naming the first non-finite value and its index
     */
    public static void finite(String what, Tensor t) {
        for (int i = 0; i < t.size(); i++) {
            if (!Double.isFinite(t.flat(i))) {
                throw new NonFiniteInputException(Messages.nonFinite(what, t.flat(i), i));
            }
        }
    }

    /**
     * A finite scalar.
     *
     * @param what the argument's name in the message
     * @param v the argument
     * @throws NonFiniteInputException if it is NaN or ±∞
     */
    public static void finite(String what, double v) {
        if (!Double.isFinite(v)) {
            throw new NonFiniteInputException(what + " must be finite, found " + v);
        }
    }

    /**
     * Every label is exactly 0 or 1 (N1).
     *
     * @param y the labels
     * @throws InvalidLabelException naming the first other value (NaN included) and its index
     */
    public static void labels(Tensor y) {
        for (int i = 0; i < y.size(); i++) {
            double v = y.flat(i);
            if (v != 0.0 && v != 1.0) {
                throw new InvalidLabelException("labels must be 0 or 1, found " + v + " at index " + i);
            }
        }
    }

    /**
     * Every probability is in [0, 1] and not NaN.
     *
     * @param p the predictions
     * @throws NonFiniteInputException for NaN
     * @throws InvalidLabelException for a value outside [0, 1]
     */
    public static void probabilities(Tensor p) {
        for (int i = 0; i < p.size(); i++) {
            double v = p.flat(i);
            if (Double.isNaN(v)) {
                throw new NonFiniteInputException(Messages.nonFinite("predictions", v, i));
            }
            if (v < 0 || v > 1) {
                throw new InvalidLabelException("predictions must be in [0, 1], found " + v + " at index " + i);
            }
        }
    }

    /**
     * α finite and &gt; 0 (N13, N14).
     *
     * @param alpha the learning rate
     * @throws InvalidArgumentException if it is NaN, ±∞, zero or negative
     */
    public static void learningRate(double alpha) {
        if (!(alpha > 0 && Double.isFinite(alpha))) {
            throw new InvalidArgumentException("learning rate must be finite and > 0, found " + alpha);
        }
    }

    /**
     * k ≥ 0 iterations.
     *
     * @param k the number of iterations
     * @throws InvalidArgumentException if k &lt; 0
     */
    public static void iterations(int k) {
        if (k < 0) {
            throw new InvalidArgumentException("iterations must be >= 0, found " + k);
        }
    }

    /**
     * A thread count for training: at least 1.
     *
     * @param threads the count
     * @return {@code threads}
     * @throws IllegalArgumentException if it is below 1 (a configuration error, not a spec error)
     */
    public static int threads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, found " + threads);
        }
        return threads;
    }
}
