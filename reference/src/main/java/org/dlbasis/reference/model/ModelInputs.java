package org.dlbasis.reference.model;

import org.dlbasis.reference.Require;
import org.dlbasis.spec.api.DeepCache;
import org.dlbasis.spec.api.DeepGradients;
import org.dlbasis.spec.api.DeepParameters;
import org.dlbasis.spec.api.ForwardCache;
import org.dlbasis.spec.api.LogisticParameters;
import org.dlbasis.spec.api.NetworkParameters;
import org.dlbasis.spec.error.ShapeMismatchException;
import org.dlbasis.spec.tensor.Shape;
import org.dlbasis.spec.tensor.Tensor;

/** The shape, finiteness and label checks shared by the two models (SPEC DIM-3, ERR-2, ERR-3). */
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

    /** W1 (n1, nx), b1 (n1, 1), W2 (n2, n1), b2 (n2, 1), all finite, for X of nx rows. */
    static void network(NetworkParameters p, Tensor x) {
        Require.matrix("W1", p.w1());
        network(p, x.shape().dim(0));
    }

    /** The parameters alone (no X): W1's columns give n[0]. */
    static void network(NetworkParameters p) {
        Require.matrix("W1", p.w1());
        network(p, p.w1().shape().dim(1));
    }

    private static void network(NetworkParameters p, int nx) {
        Require.matrix("W2", p.w2());
        int n1 = p.w1().shape().dim(0);
        int n2 = p.w2().shape().dim(0);
        Require.shape("W1", p.w1(), Shape.of(n1, nx));
        Require.shape("b1", p.b1(), Shape.of(n1, 1));
        Require.shape("W2", p.w2(), Shape.of(n2, n1));
        Require.shape("b2", p.b2(), Shape.of(n2, 1));
        Require.finite("W1", p.w1());
        Require.finite("b1", p.b1());
        Require.finite("W2", p.w2());
        Require.finite("b2", p.b2());
    }

    /** The cache's four arrays have the shapes this network and m give. */
    static void cache(ForwardCache c, NetworkParameters p, int m) {
        Shape hidden = Shape.of(p.w1().shape().dim(0), m);
        Shape output = Shape.of(p.w2().shape().dim(0), m);
        Require.shape("Z1", c.z1(), hidden);
        Require.shape("A1", c.a1(), hidden);
        Require.shape("Z2", c.z2(), output);
        Require.shape("A2", c.a2(), output);
    }

    /**
     * W[l] (n[l], n[l−1]) and b[l] (n[l], 1) for every layer, all finite, for X of n[0] rows (SPEC
     * DEEP-5): as {@link #network}, layer by layer — every W[l] a matrix, then the shapes in layer
     * order, then the values.
     */
    static void deep(DeepParameters p, Tensor x) {
        for (int l = 1; l <= p.layers(); l++) {
            Require.matrix("W" + l, p.w(l));
        }
        int previous = x.shape().dim(0);
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
