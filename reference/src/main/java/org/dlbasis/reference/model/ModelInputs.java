package org.dlbasis.reference.model;

import org.dlbasis.reference.Require;
import org.dlbasis.spec.api.ForwardCache;
import org.dlbasis.spec.api.LogisticParameters;
import org.dlbasis.spec.api.NetworkParameters;
import org.dlbasis.spec.tensor.Shape;
import org.dlbasis.spec.tensor.Tensor;

/** The shape, finiteness and label checks shared by the two models (SPEC DIM-3, ERR-2, ERR-3). */
final class ModelInputs {
    private ModelInputs() {
    }

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
        Require.matrix("W2", p.w2());
        int n1 = p.w1().shape().dim(0);
        int n2 = p.w2().shape().dim(0);
        Require.shape("W1", p.w1(), Shape.of(n1, x.shape().dim(0)));
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

    /** A gradient has its parameter's shape (SPEC DIM-2). */
    static void sameShape(String what, Tensor gradient, Tensor parameter) {
        Require.shape(what, gradient, parameter.shape());
        Require.finite(what, gradient);
    }
}
