package org.dlbasis.tck.clauses;

import static org.dlbasis.tck.gen.Datasets.layerSizesWithOutputs;
import static org.quicktheories.generators.Generate.range;

import java.util.Random;
import org.dlbasis.spec.Clause;
import org.dlbasis.spec.api.Activation;
import org.dlbasis.spec.api.Capability;
import org.dlbasis.spec.api.ForwardCache;
import org.dlbasis.spec.api.Initialization;
import org.dlbasis.spec.api.LayerSizes;
import org.dlbasis.spec.api.NetworkGradients;
import org.dlbasis.spec.api.NetworkParameters;
import org.dlbasis.spec.api.TwoLayerNetwork;
import org.dlbasis.spec.error.ErrorKind;
import org.dlbasis.spec.tensor.Tensor;
import org.dlbasis.tck.gen.Dataset;
import org.dlbasis.tck.gen.Datasets;
import org.dlbasis.tck.suite.Context;
import org.dlbasis.tck.suite.Requires;

/** SPEC "Dimensions": DIM-1 … DIM-3 (N51–N53), on the two-layer network. */
@Requires(Capability.TWO_LAYER_NETWORK)
public final class DimensionProperties {

    /**
     * One sample (m = 1) gives column vectors: Z[1] of shape (nh, 1), Z[2] of shape (ny, 1).
     *
     * @param ctx the run's context
     */
    @Clause("DIM-1")
    public void required_DIM1_oneSampleGivesColumnVectors(Context ctx) {
        TwoLayerNetwork net = ctx.impl().twoLayerNetwork();
        ctx.qt()
                .forAll(layerSizesWithOutputs(8, ctx.options().maxOutputUnits()), range(0, 1000))
                .checkAssert((s, seed) -> {
                    Dataset d = Datasets.random(s.nx(), 1, s.ny(), new Random(seed));
                    ForwardCache c =
                            net.forward(net.initialize(s, Initialization.small(seed)), d.x(), Activation.tanh());
                    NetworkLaws.requireShape(ctx, "z[1]", c.z1(), s.nh(), 1);
                    NetworkLaws.requireShape(ctx, "z[2]", c.z2(), s.ny(), 1);
                });
    }

    /**
     * If this fails for db, look for np.sum without keepdims=True (a rank-1 db).
     *
     * @param ctx the run's context
     */
    @Clause({"DIM-2", "BACKPROP-3", "BACKPROP-6"})
    public void required_DIM2_everyArrayHasItsShapeAndGradientsMatchTheirParameters(Context ctx) {
        NetworkUnderTest net = NetworkUnderTest.twoLayer(ctx);
        ctx.qtModels()
                .forAll(layerSizesWithOutputs(8, ctx.options().maxOutputUnits()), range(1, 12), range(0, 1000))
                .checkAssert((s, m, seed) -> {
                    Dataset d = Datasets.random(s.nx(), m, s.ny(), new Random(seed));
                    int[] n = {s.nx(), s.nh(), s.ny()};
                    NetworkLaws.everyArrayHasItsShape(
                            ctx, net, net.initialize(n, Initialization.small(seed)), d, Activation.relu());
                });
    }

    /**
     * Parameters and inputs of the wrong shape are rejected where they enter, with a message naming the
     * argument, the expected and the found shape.
     *
     * @param ctx the run's context
     */
    @Clause({"DIM-3", "ERR-1"})
    public void required_DIM3_wrongShapesAreRejectedWhereTheyEnter(Context ctx) {
        ctx.need(ctx.options().validation(), "input validation"); // these checks are all of bad input
        TwoLayerNetwork net = ctx.impl().twoLayerNetwork();
        LayerSizes s = new LayerSizes(3, 2, 1);
        NetworkParameters p = net.initialize(s, Initialization.small(3));
        Tensor x = Tensor.zeros(3, 4);
        Tensor y = Tensor.row(0, 1, 0, 1);
        // each of these would broadcast or fail somewhere inside; the spec wants the argument named
        String[][] cases = {
            {"W1", "must have shape", "(3,2)"},
            {"b1", "(2,1)", "(2,)"},
            {"b1", "(2,1)", "(1,1)"},
            {"W2", "(1,2)", "(1,3)"},
            {"b2", "(1,1)", "(1,4)"},
            {"W1", "", "(2,3,1)"}
        };
        NetworkParameters[] bad = {
            new NetworkParameters(Tensor.zeros(3, 2), p.b1(), p.w2(), p.b2()),
            new NetworkParameters(p.w1(), Tensor.zeros(2), p.w2(), p.b2()),
            new NetworkParameters(p.w1(), Tensor.zeros(1, 1), p.w2(), p.b2()),
            new NetworkParameters(p.w1(), p.b1(), Tensor.zeros(1, 3), p.b2()),
            new NetworkParameters(p.w1(), p.b1(), p.w2(), Tensor.zeros(1, 4)),
            new NetworkParameters(Tensor.zeros(2, 3, 1), p.b1(), p.w2(), p.b2())
        };
        for (int i = 0; i < bad.length; i++) {
            NetworkParameters b = bad[i];
            String[] c = cases[i];
            try {
                net.forward(b, x, Activation.tanh());
                throw new AssertionError(c[0] + " of shape " + c[2] + " was accepted");
            } catch (org.dlbasis.spec.error.SpecException e) {
                ctx.require(e.kind() == ErrorKind.SHAPE_MISMATCH, "expected SHAPE_MISMATCH, found " + e.kind());
                ctx.require(
                        e.getMessage().contains(c[0])
                                && e.getMessage().contains(c[1])
                                && e.getMessage().contains(c[2]),
                        "the message must name " + c[0] + ", the expected " + c[1] + " and the found " + c[2] + ": \""
                                + e.getMessage() + "\"");
            }
        }
        ctx.assertRaises(ErrorKind.SHAPE_MISMATCH, null, () -> net.forward(p, Tensor.zeros(2, 4), Activation.tanh()));
        ctx.assertRaises(
                ErrorKind.SHAPE_MISMATCH, null, () -> net.cost(p, x, Tensor.column(0, 1, 0, 1), Activation.tanh()));
        ForwardCache c = net.forward(p, x, Activation.tanh());
        ctx.assertRaises(
                ErrorKind.SHAPE_MISMATCH,
                null,
                () -> net.backward(p, c, x, Tensor.column(0, 1, 0, 1), Activation.tanh()));
        Tensor h = Tensor.zeros(2, 4);
        Tensor o = Tensor.zeros(1, 4);
        Tensor wrong = Tensor.zeros(2, 3);
        for (ForwardCache bad2 : new ForwardCache[] {
            new ForwardCache(wrong, h, o, o),
            new ForwardCache(h, wrong, o, o),
            new ForwardCache(h, h, Tensor.zeros(1, 3), o),
            new ForwardCache(h, h, o, Tensor.zeros(1, 3))
        }) {
            ctx.assertRaises(ErrorKind.SHAPE_MISMATCH, null, () -> net.backward(p, bad2, x, y, Activation.tanh()));
        }
        ctx.assertRaises(ErrorKind.SHAPE_MISMATCH, null, () -> net.backward(transposed(p), c, x, y, Activation.tanh()));
        NetworkGradients g = net.backward(p, c, x, y, Activation.tanh());
        NetworkGradients badGrad = new NetworkGradients(g.dw1(), Tensor.zeros(2), g.dw2(), g.db2());
        ctx.assertRaises(ErrorKind.SHAPE_MISMATCH, null, () -> net.step(p, badGrad, 0.1));
    }

    private static NetworkParameters transposed(NetworkParameters p) {
        return new NetworkParameters(
                Tensor.zeros(p.w1().shape().dim(1), p.w1().shape().dim(0)), p.b1(), p.w2(), p.b2());
    }
}
