package org.dlbasis.reference.model;

import org.dlbasis.reference.Require;
import org.dlbasis.spec.api.DeepCache;
import org.dlbasis.spec.api.DeepGradients;
import org.dlbasis.spec.api.DeepParameters;
import org.dlbasis.spec.api.LogisticParameters;
import org.dlbasis.spec.error.ShapeMismatchException;
import org.dlbasis.spec.tensor.Shape;
import org.dlbasis.spec.tensor.Tensor;

/** The shape, finiteness and label checks shared by the models (SPEC DIM-3, ERR-2, ERR-3). */
final class ModelInputs {
    private ModelInputs() {}

    /** X is a finite (n, m) matrix with m ≥ 1; returns m. */
    static int samples(Tensor x) {
        Require.matrix("X", x);
        Require.samples(x.shape().dim(1));
        Require.finite("X", x);
        return x.shape().dim(1);
    }

    /** Y is (rows, m) and holds only 0 and 1. */
    static void labels(Tensor y, int rows, int m) {
        Require.shape("Y", y, Shape.of(rows, m));
        Require.labels(y);
    }

    /** w is a finite (n, 1) column for X of n rows; b is finite. */
    static void logistic(LogisticParameters p, Tensor x) {
        Require.shape("w", p.w(), Shape.of(x.shape().dim(0), 1));
        Require.finite("w", p.w());
        Require.finite("b", p.b());
    }

    /** The parameters fit X of n[0] rows (see {@link #deep(DeepParameters, int)}). */
    static void deep(DeepParameters p, Tensor x) {
        deep(p, x.shape().dim(0));
    }

    /**
     * W[l] (n[l], n[l−1]) and b[l] (n[l], 1) for every layer, all finite, for n[0] inputs (SPEC
     * DEEP-5, and DIM-3 for L = 2): every W[l] a matrix, then the shapes in layer order, then the
     * values.
     */
    static void deep(DeepParameters p, int inputs) {
        for (int l = 1; l <= p.layers(); l++) {
            Require.matrix("W" + l, p.w(l));
        }
        int previous = inputs;
        for (int l = 1; l <= p.layers(); l++) {
            int units = p.w(l).shape().dim(0);
            Require.shape("W" + l, p.w(l), Shape.of(units, previous));
            Require.shape("b" + l, p.b(l), Shape.of(units, 1));
            previous = units;
        }
        for (int l = 1; l <= p.layers(); l++) {
            Require.finite("W" + l, p.w(l));
            Require.finite("b" + l, p.b(l));
        }
    }

    /** The cache has the parameters' L layers, and Z[l], A[l] of shape (n[l], m) in layer order. */
    static void deepCache(DeepCache c, DeepParameters p, int m) {
        sameLayers("the cache", "Z1 … Z" + p.layers() + ", A1 … A" + p.layers(), c.layers(), p.layers());
        for (int l = 1; l <= p.layers(); l++) {
            Shape layer = Shape.of(p.w(l).shape().dim(0), m);
            Require.shape("Z" + l, c.z(l), layer);
            Require.shape("A" + l, c.a(l), layer);
        }
    }

    /** The gradients have the parameters' L layers; each has its parameter's shape (checked as it is used). */
    static void deepGradients(DeepGradients g, DeepParameters p) {
        sameLayers("the gradients", "dW1 … dW" + p.layers() + ", db1 … db" + p.layers(), g.layers(), p.layers());
    }

    private static void sameLayers(String what, String names, int found, int layers) {
        if (found != layers) {
            throw new ShapeMismatchException(what + " must have " + layers + " layers (" + names + "), found " + found);
        }
    }

    /** A gradient has its parameter's shape (SPEC DIM-2). */
    static void sameShape(String what, Tensor gradient, Tensor parameter) {
        Require.shape(what, gradient, parameter.shape());
        Require.finite(what, gradient);
    }
}
