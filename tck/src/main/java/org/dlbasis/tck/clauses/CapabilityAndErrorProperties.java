package org.dlbasis.tck.clauses;

import static org.dlbasis.spec.api.Capability.ACTIVATIONS;
import static org.dlbasis.spec.api.Capability.LOGISTIC_REGRESSION;
import static org.dlbasis.spec.api.Capability.LOSS;
import static org.dlbasis.spec.api.Capability.TWO_LAYER_NETWORK;

import java.util.EnumSet;
import org.dlbasis.spec.Clause;
import org.dlbasis.spec.api.Activation;
import org.dlbasis.spec.api.Capability;
import org.dlbasis.spec.api.CapabilityNotImplementedException;
import org.dlbasis.spec.api.Implementation;
import org.dlbasis.spec.api.LayerSizes;
import org.dlbasis.spec.api.LogisticParameters;
import org.dlbasis.spec.api.NetworkParameters;
import org.dlbasis.spec.api.Options;
import org.dlbasis.spec.error.ErrorKind;
import org.dlbasis.spec.tensor.Tensor;
import org.dlbasis.tck.suite.Context;
import org.dlbasis.tck.suite.Requires;

/** SPEC "Capabilities and errors": API-1, API-2, ERR-1, ERR-2, ERR-3. */
public final class CapabilityAndErrorProperties {

    /**
     * If this fails, check that every declared capability's accessor returns an object and every other one throws.
     *
     * @param ctx the run's context
     */
    @Clause("API-1")
    public void required_API1_undeclaredCapabilitiesThrowNotImplemented(Context ctx) {
        Implementation impl = ctx.impl();
        ctx.require(impl.name() != null && !impl.name().isBlank(), "an implementation must have a name for reports");
        for (Capability c : EnumSet.allOf(Capability.class)) {
            boolean declared = impl.capabilities().contains(c);
            try {
                Object accessor = accessor(impl, c);
                ctx.require(declared, impl.name() + " does not declare " + c + " but returns " + accessor);
                ctx.require(accessor != null, impl.name() + " declares " + c + " but returns null for it");
            } catch (CapabilityNotImplementedException e) {
                ctx.require(!declared, impl.name() + " declares " + c + " but throws: " + e.getMessage());
            }
        }
    }

    /**
     * If this fails, the options contradict the capabilities: a network needs a hidden activation.
     *
     * @param ctx the run's context
     */
    @Clause("API-2")
    public void required_API2_declaredOptionsAreCoherent(Context ctx) {
        Options o = ctx.options();
        ctx.require(o != null, ctx.impl().name() + " declares null options");
        boolean network = ctx.impl().capabilities().contains(Capability.TWO_LAYER_NETWORK);
        ctx.require(
                !network || !o.activations().isEmpty(),
                ctx.impl().name() + " declares a network but no activation for its hidden layer");
        o.fixedInitScale()
                .ifPresent(scale -> ctx.require(
                        Double.isFinite(scale) && scale >= 0,
                        "a fixed initialisation scale must be finite and >= 0, found " + scale));
        ctx.require(o.maxOutputUnits() >= 1, "at least one output unit, found " + o.maxOutputUnits());
    }

    private static Object accessor(Implementation impl, Capability c) {
        switch (c) {
            case ARRAYS:
                return impl.arrays();
            case ACTIVATIONS:
                return impl.activations();
            case LOSS:
                return impl.loss();
            case LOGISTIC_REGRESSION:
                return impl.logisticRegression();
            case TWO_LAYER_NETWORK:
                return impl.twoLayerNetwork();
            default:
                return impl.deepNetwork();
        }
    }

    /**
     * Model errors name the argument, the expected shape and the found one.
     *
     * @param ctx the run's context
     */
    @Clause({"ERR-1", "DIM-3"})
    @Requires(LOGISTIC_REGRESSION)
    public void required_ERR1_modelShapeErrorsNameExpectedAndFound(Context ctx) {
        ctx.need(ctx.options().validation(), "input validation"); // these checks are all of bad input
        Tensor x = Tensor.zeros(3, 4);
        LogisticParameters p = new LogisticParameters(Tensor.zeros(1, 3), 0);
        try {
            ctx.impl().logisticRegression().forward(p, x);
        } catch (org.dlbasis.spec.error.SpecException e) {
            ctx.require(e.kind() == ErrorKind.SHAPE_MISMATCH, "expected SHAPE_MISMATCH, found " + e.kind());
            ctx.require(
                    e.getMessage().contains("(3,1)") && e.getMessage().contains("(1,3)"),
                    "the message must name the expected (3,1) and the found (1,3): \"" + e.getMessage() + "\"");
            return;
        }
        throw new AssertionError("w of shape (1,3) for X of shape (3,4) was accepted");
    }

    /**
     * Zero samples (m = 0) in the costs, the models and the network, and zero pieces in maxout, raise
     * EMPTY_INPUT.
     *
     * @param ctx the run's context
     */
    @Clause("ERR-2")
    @Requires({LOSS, LOGISTIC_REGRESSION, TWO_LAYER_NETWORK, ACTIVATIONS})
    public void required_ERR2_zeroSamplesOrPiecesRaiseEmptyInput(Context ctx) {
        Tensor x = Tensor.zeros(3, 0);
        Tensor y = Tensor.zeros(1, 0);
        ctx.assertRaises(ErrorKind.EMPTY_INPUT, null, () -> ctx.impl().loss().cost(y, y));
        ctx.assertRaises(ErrorKind.EMPTY_INPUT, null, () -> ctx.impl().loss().costFromLogits(y, y));
        ctx.assertRaises(
                ErrorKind.EMPTY_INPUT,
                null,
                () -> ctx.impl().logisticRegression().cost(new LogisticParameters(Tensor.zeros(3, 1), 0), x, y));
        NetworkParameters p = ctx.impl()
                .twoLayerNetwork()
                .initialize(new LayerSizes(3, 2, 1), org.dlbasis.spec.api.Initialization.small(1));
        ctx.assertRaises(
                ErrorKind.EMPTY_INPUT, null, () -> ctx.impl().twoLayerNetwork().forward(p, x, Activation.tanh()));
        ctx.assertRaises(
                ErrorKind.EMPTY_INPUT, null, () -> ctx.impl().activations().maxout(Tensor.zeros(0, 3)));
    }

    /**
     * Logistic regression rejects NaN and ±∞ in X, w, b and the gradients with NON_FINITE, and a
     * learning rate or iteration count out of range with INVALID_ARGUMENT.
     *
     * @param ctx the run's context
     */
    @Clause({"ERR-3", "GD-2"})
    @Requires(LOGISTIC_REGRESSION)
    public void required_ERR3_nonFiniteInputsAndBadLearningRatesAreRejected(Context ctx) {
        var lr = ctx.impl().logisticRegression();
        LogisticParameters p = new LogisticParameters(Tensor.zeros(2, 1), 0);
        Tensor y = Tensor.row(0, 1, 1);
        for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            Tensor x = Tensor.matrix(new double[] {1, 2, bad}, new double[] {0, 1, 2});
            ctx.assertRaises(ErrorKind.NON_FINITE, null, () -> lr.forward(p, x));
            ctx.assertRaises(
                    ErrorKind.NON_FINITE,
                    null,
                    () -> lr.forward(new LogisticParameters(Tensor.column(bad, 0), 0), Tensor.zeros(2, 3)));
            ctx.assertRaises(
                    ErrorKind.NON_FINITE,
                    null,
                    () -> lr.forward(new LogisticParameters(Tensor.zeros(2, 1), bad), Tensor.zeros(2, 3)));
        }
        Tensor x = Tensor.zeros(2, 3);
        var g = lr.backward(p, x, y);
        for (double alpha : new double[] {Double.NaN, -0.1, 0, Double.POSITIVE_INFINITY}) {
            ctx.assertRaises(ErrorKind.INVALID_ARGUMENT, null, () -> lr.step(p, g, alpha));
            ctx.assertRaises(ErrorKind.INVALID_ARGUMENT, null, () -> lr.train(p, x, y, alpha, 1));
        }
        ctx.assertRaises(ErrorKind.INVALID_ARGUMENT, null, () -> lr.train(p, x, y, 0.1, -1));
        ctx.assertRaises(
                ErrorKind.NON_FINITE,
                null,
                () -> lr.step(p, new org.dlbasis.spec.api.LogisticGradients(g.dw(), Double.NaN), 0.1));
        ctx.assertRaises(ErrorKind.SHAPE_MISMATCH, null, () -> lr.forward(p, Tensor.vector(1, 2)));
        // a (1,n) dw against a (n,1) w would broadcast to (n,n) if the step did not check it
        ctx.assertRaises(
                ErrorKind.SHAPE_MISMATCH,
                null,
                () -> lr.step(p, new org.dlbasis.spec.api.LogisticGradients(Tensor.zeros(1, 2), 0), 0.1));
    }

    /**
     * The network checks its learning rate, iteration count and gradients like logistic regression does.
     *
     * @param ctx the run's context
     */
    @Clause({"ERR-3", "GD-2"})
    @Requires(TWO_LAYER_NETWORK)
    public void required_ERR3_networkRejectsNonFiniteInputsAndBadLearningRates(Context ctx) {
        var net = ctx.impl().twoLayerNetwork();
        NetworkParameters p = net.initialize(new LayerSizes(2, 3, 1), org.dlbasis.spec.api.Initialization.small(2));
        Tensor x = Tensor.matrix(new double[] {1, 2, 3}, new double[] {0, 1, 2});
        Tensor y = Tensor.row(0, 1, 1);
        var g = net.backward(p, net.forward(p, x, Activation.tanh()), x, y, Activation.tanh());
        for (double alpha : new double[] {Double.NaN, -0.1, 0, Double.POSITIVE_INFINITY}) {
            ctx.assertRaises(ErrorKind.INVALID_ARGUMENT, null, () -> net.step(p, g, alpha));
            ctx.assertRaises(ErrorKind.INVALID_ARGUMENT, null, () -> net.train(p, x, y, Activation.tanh(), alpha, 1));
        }
        ctx.assertRaises(ErrorKind.INVALID_ARGUMENT, null, () -> net.train(p, x, y, Activation.tanh(), 0.1, -1));
        NetworkParameters transposed = new NetworkParameters(Tensor.zeros(2, 3), p.b1(), p.w2(), p.b2());
        ctx.assertRaises(ErrorKind.SHAPE_MISMATCH, null, () -> net.train(transposed, x, y, Activation.tanh(), 0.1, 1));
        var nanGradient =
                new org.dlbasis.spec.api.NetworkGradients(g.dw1().map(v -> Double.NaN), g.db1(), g.dw2(), g.db2());
        ctx.assertRaises(ErrorKind.NON_FINITE, null, () -> net.step(p, nanGradient, 0.1));
        for (NetworkParameters bad : new NetworkParameters[] {
            new NetworkParameters(p.w1().map(v -> Double.NaN), p.b1(), p.w2(), p.b2()),
            new NetworkParameters(p.w1(), p.b1().map(v -> Double.POSITIVE_INFINITY), p.w2(), p.b2()),
            new NetworkParameters(p.w1(), p.b1(), p.w2().map(v -> Double.NaN), p.b2()),
            new NetworkParameters(p.w1(), p.b1(), p.w2(), p.b2().map(v -> Double.NEGATIVE_INFINITY))
        }) {
            ctx.assertRaises(ErrorKind.NON_FINITE, null, () -> net.forward(bad, x, Activation.tanh()));
        }
    }
}
