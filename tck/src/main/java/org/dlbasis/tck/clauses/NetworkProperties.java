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
import org.dlbasis.spec.tensor.Shape;
import org.dlbasis.spec.tensor.Tensor;
import org.dlbasis.tck.gen.ActivationsGen;
import org.dlbasis.tck.gen.Dataset;
import org.dlbasis.tck.gen.Datasets;
import org.dlbasis.tck.match.Tolerance;
import org.dlbasis.tck.oracle.ArrayOracle;
import org.dlbasis.tck.oracle.MathOracle;
import org.dlbasis.tck.oracle.ModelOracle;
import org.dlbasis.tck.suite.ClauseId;
import org.dlbasis.tck.suite.Context;
import org.dlbasis.tck.suite.Requires;

/** SPEC "Two-layer network" and "Dimensions": NET-1 … NET-4, DIM-1 … DIM-3 (N31, N42–N44, N51–N53). */
@Requires(Capability.TWO_LAYER_NETWORK)
public final class NetworkProperties {

    /**
     * The initial parameters have the layer shapes: W1 (nh, nx), b1 (nh, 1), W2 (ny, nh), b2 (ny, 1).
     *
     * @param ctx the run's context
     */
    @Clause({"NET-1", "INIT-1"})
    public void required_NET1_parametersHaveTheLayerShapes(Context ctx) {
        TwoLayerNetwork net = ctx.impl().twoLayerNetwork();
        ctx.qt()
                .forAll(layerSizesWithOutputs(8, ctx.options().maxOutputUnits()), range(0, 1000))
                .checkAssert((s, seed) -> {
                    NetworkParameters p = net.initialize(s, Initialization.small(seed));
                    requireShape(ctx, "W1", p.w1(), s.nh(), s.nx());
                    requireShape(ctx, "b1", p.b1(), s.nh(), 1);
                    requireShape(ctx, "W2", p.w2(), s.ny(), s.nh());
                    requireShape(ctx, "b2", p.b2(), s.ny(), 1);
                });
    }

    private static NetworkParameters transposed(NetworkParameters p) {
        return new NetworkParameters(
                Tensor.zeros(p.w1().shape().dim(1), p.w1().shape().dim(0)), p.b1(), p.w2(), p.b2());
    }

    static void requireShape(Context ctx, String what, Tensor t, int... dims) {
        ctx.require(
                t.shape().equals(Shape.of(dims)),
                what + " has shape " + t.shape() + ", but should be " + Shape.of(dims));
    }

    /**
     * If this fails, compare the four lines of N44 one by one, with b[1] and b[2] kept apart.
     *
     * @param ctx the run's context
     */
    @Clause({"NET-2", "NET-3"})
    public void required_NET2_forwardPropagation(Context ctx) {
        TwoLayerNetwork net = ctx.impl().twoLayerNetwork();
        ctx.qtModels()
                .forAll(Datasets.networkCases(
                        6, 10, ctx.declared(ActivationsGen.ALL), ctx.options().maxOutputUnits()))
                .checkAssert(n -> {
                    Dataset d = n.data();
                    NetworkParameters p = n.parameters();
                    Activation g = n.activation();
                    ForwardCache c = net.forward(p, d.x(), g);
                    ForwardCache o = ModelOracle.forward(p, d.x(), g);
                    ctx.assertClose("Z1", c.z1(), o.z1(), Tolerance.MODEL);
                    ctx.assertClose("A1 = g(Z1) for " + g, c.a1(), o.a1(), Tolerance.MODEL);
                    ctx.assertClose("Z2", c.z2(), o.z2(), Tolerance.MODEL);
                    ctx.assertClose("A2 = σ(Z2)", c.a2(), o.a2(), Tolerance.MODEL);
                    ctx.assertClose(
                            "J", net.cost(p, d.x(), d.y(), g), ModelOracle.cost(p, d.x(), d.y(), g), Tolerance.MODEL);
                });
    }

    /**
     * Wide inputs, n[0] from 64 to 159, where an implementation may switch to a blocked or vector
     * kernel for the products with X (the reference does): the cache and the cost (NET-2) and dW1,
     * the gradient that is a product with X (BACKPROP-5), against the oracle. The other properties
     * draw narrow networks, and training is judged against the implementation's own pieces (GD-5),
     * so without this a kernel bug that only wide inputs reach would pass.
     *
     * @param ctx the run's context
     */
    @Clause({"NET-2", "BACKPROP-5"})
    public void required_NET2_wideInputsToo(Context ctx) {
        TwoLayerNetwork net = ctx.impl().twoLayerNetwork();
        ctx.qtModels()
                .forAll(
                        ActivationsGen.anyOf(ctx.declared(ActivationsGen.ALL)),
                        range(64, 160),
                        range(0, Integer.MAX_VALUE))
                .checkAssert((g, nx, seed) -> {
                    Random r = new Random(seed);
                    LayerSizes sizes = new LayerSizes(
                            nx,
                            1 + r.nextInt(8),
                            1 + r.nextInt(Math.min(3, ctx.options().maxOutputUnits())));
                    Dataset d = Datasets.random(nx, 1 + r.nextInt(14), sizes.ny(), r);
                    NetworkParameters p = Datasets.parameters(sizes, r, 0.3);
                    ctx.blame(ClauseId.NET_2);
                    ForwardCache c = net.forward(p, d.x(), g);
                    ForwardCache o = ModelOracle.forward(p, d.x(), g);
                    ctx.assertClose("Z1 with n[0] = " + nx, c.z1(), o.z1(), Tolerance.MODEL);
                    ctx.assertClose("A2 with n[0] = " + nx, c.a2(), o.a2(), Tolerance.MODEL);
                    ctx.assertClose(
                            "J with n[0] = " + nx,
                            net.cost(p, d.x(), d.y(), g),
                            ModelOracle.cost(p, d.x(), d.y(), g),
                            Tolerance.MODEL);
                    ctx.blame(ClauseId.BACKPROP_5);
                    ctx.assertClose(
                            "dW1 with n[0] = " + nx,
                            net.backward(p, c, d.x(), d.y(), g).dw1(),
                            ModelOracle.backward(p, c, d.x(), d.y(), g).dw1(),
                            Tolerance.MODEL);
                });
    }

    /**
     * With the linear hidden activation the two layers collapse to one affine map: A2 = σ(W2W1 X + W2b1
     * + b2).
     *
     * @param ctx the run's context
     */
    @Clause({"NET-4", "NET-3"})
    public void informative_NET4_linearHiddenLayersCollapseToOneAffineMap(Context ctx) {
        TwoLayerNetwork net = ctx.impl().twoLayerNetwork();
        ctx.qtModels()
                .forAll(
                        layerSizesWithOutputs(6, ctx.options().maxOutputUnits()),
                        range(1, 10),
                        range(0, Integer.MAX_VALUE))
                .checkAssert((s, m, seed) -> {
                    Random r = new Random(seed);
                    Dataset d = Datasets.random(s.nx(), m, s.ny(), r);
                    NetworkParameters p = Datasets.parameters(s, r, 1);
                    Tensor w = ArrayOracle.matmul(p.w2(), p.w1());
                    Tensor b = ArrayOracle.elementwise(ArrayOracle.matmul(p.w2(), p.b1()), p.b2(), Double::sum);
                    Tensor z = ArrayOracle.elementwise(
                            ArrayOracle.matmul(w, d.x()), ArrayOracle.tile(b, Shape.of(s.ny(), m)), Double::sum);
                    ctx.assertClose(
                            "A2 with linear g vs σ(W2W1 X + W2b1 + b2)",
                            net.forward(p, d.x(), Activation.linear()).a2(),
                            z.map(MathOracle::sigmoid),
                            Tolerance.MODEL);
                });
    }

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
                    requireShape(ctx, "z[1]", c.z1(), s.nh(), 1);
                    requireShape(ctx, "z[2]", c.z2(), s.ny(), 1);
                });
    }

    /**
     * If this fails for db, look for np.sum without keepdims=True (a rank-1 db).
     *
     * @param ctx the run's context
     */
    @Clause({"DIM-2", "BACKPROP-3", "BACKPROP-6"})
    public void required_DIM2_everyArrayHasItsShapeAndGradientsMatchTheirParameters(Context ctx) {
        TwoLayerNetwork net = ctx.impl().twoLayerNetwork();
        ctx.qtModels()
                .forAll(layerSizesWithOutputs(8, ctx.options().maxOutputUnits()), range(1, 12), range(0, 1000))
                .checkAssert((s, m, seed) -> {
                    Dataset d = Datasets.random(s.nx(), m, s.ny(), new Random(seed));
                    NetworkParameters p = net.initialize(s, Initialization.small(seed));
                    ForwardCache c = net.forward(p, d.x(), Activation.relu());
                    requireShape(ctx, "Z1", c.z1(), s.nh(), m);
                    requireShape(ctx, "A1", c.a1(), s.nh(), m);
                    requireShape(ctx, "Z2", c.z2(), s.ny(), m);
                    requireShape(ctx, "A2", c.a2(), s.ny(), m);
                    NetworkGradients g = net.backward(p, c, d.x(), d.y(), Activation.relu());
                    requireShape(ctx, "dW1", g.dw1(), s.nh(), s.nx());
                    requireShape(ctx, "db1", g.db1(), s.nh(), 1);
                    requireShape(ctx, "dW2", g.dw2(), s.ny(), s.nh());
                    requireShape(ctx, "db2", g.db2(), s.ny(), 1);
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
}
