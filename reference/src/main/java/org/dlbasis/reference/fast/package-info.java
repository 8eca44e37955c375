/**
 * The reference's performance half: batch gradient descent for logistic regression and the
 * two-layer network computed in place ({@link org.dlbasis.reference.fast.LogisticTrainer},
 * {@link org.dlbasis.reference.fast.NetworkTrainer}), on hand-written kernels (one pass over a
 * wide X, the Vector API where the JVM resolves it, a fixed split over threads). It is not meant
 * to be read against SPEC.md: it computes the formulas of {@link org.dlbasis.reference.model}'s
 * classes in place, summing in other orders where that is faster, and its tests compare it with
 * EJML, with those classes, and with itself on every thread count.
 */
package org.dlbasis.reference.fast;
