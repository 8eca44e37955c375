package org.dlbasis.tck.clauses;

import static org.dlbasis.tck.gen.Datasets.layerSizesWithOutputs;
import static org.quicktheories.generators.Generate.range;

import java.util.Random;
import org.dlbasis.spec.Clause;
import org.dlbasis.spec.api.Activation;
import org.dlbasis.spec.api.AffineMap;
import org.dlbasis.spec.api.Capability;
import org.dlbasis.spec.api.Initialization;
import org.dlbasis.spec.api.LayerSizes;
import org.dlbasis.spec.api.NetworkParameters;
import org.dlbasis.spec.api.TwoLayerNetwork;
import org.dlbasis.spec.tensor.Shape;
import org.dlbasis.spec.tensor.Tensor;
import org.dlbasis.tck.gen.ActivationsGen;
import org.dlbasis.tck.gen.Dataset;
import org.dlbasis.tck.gen.Datasets;
import org.dlbasis.tck.gen.DeepCase;
import org.dlbasis.tck.match.Tolerance;
import org.dlbasis.tck.oracle.ArrayOracle;
import org.dlbasis.tck.oracle.MathOracle;
import org.dlbasis.tck.oracle.NetworkOracle;
import org.dlbasis.tck.suite.ClauseId;
import org.dlbasis.tck.suite.Context;
import org.dlbasis.tck.suite.Requires;

/**
 * SPEC "Two-layer network": NET-1 … NET-4 (N31, N42–N44), the laws of {@link NetworkLaws} with
 * L = 2.
 */
@Requires(Capability.TWO_LAYER_NETWORK)
public final class NetworkProperties {

    /**
     * The initial parameters have the layer shapes: W1 (nh, nx), b1 (nh, 1), W2 (ny, nh), b2 (ny, 1).
     *
     * @param ctx the run's context
     */
    @Clause({"NET-1", "INIT-1"})
    public void required_NET1_parametersHaveTheLayerShapes(Context ctx) {
        NetworkUnderTest net = NetworkUnderTest.twoLayer(ctx);
        ctx.qt()
                .forAll(layerSizesWithOutputs(8, ctx.options().maxOutputUnits()), range(0, 1000))
                .checkAssert((s, seed) -> {
                    int[] n = {s.nx(), s.nh(), s.ny()};
                    NetworkLaws.parametersHaveTheLayerShapes(ctx, net.initialize(n, Initialization.small(seed)), n);
                });
    }

    /**
     * If this fails, compare the four lines of N44 one by one, with b[1] and b[2] kept apart.
     *
     * @param ctx the run's context
     */
    @Clause({"NET-2", "NET-3"})
    public void required_NET2_forwardPropagation(Context ctx) {
        NetworkUnderTest net = NetworkUnderTest.twoLayer(ctx);
        ctx.qtModels().forAll(net.cases(6, 10)).checkAssert(n -> {
            NetworkLaws.forwardLayerByLayer(ctx, net, n);
            NetworkLaws.costOfTheOutputLayer(ctx, net, n);
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
        NetworkUnderTest net = NetworkUnderTest.twoLayer(ctx);
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
                    NetworkLaws.wideInputs(
                            ctx,
                            net,
                            new DeepCase(d, NetworkOracle.layers(p), g),
                            true,
                            ClauseId.NET_2,
                            ClauseId.BACKPROP_5,
                            "dW1"::equals);
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
                    AffineMap collapsed = NetworkOracle.collapse(p);
                    Tensor z = ArrayOracle.elementwise(
                            ArrayOracle.matmul(collapsed.w(), d.x()),
                            ArrayOracle.tile(collapsed.b(), Shape.of(s.ny(), m)),
                            Double::sum);
                    ctx.assertClose(
                            "A2 with linear g vs σ(W2W1 X + W2b1 + b2)",
                            net.forward(p, d.x(), Activation.linear()).a2(),
                            z.map(MathOracle::sigmoid),
                            Tolerance.MODEL);
                });
    }

    /**
     * The implementation's own collapsed map, {@code collapse(p)}: W = W2W1 and b = W2b1 + b2
     * against the oracle's products (N42, N43). Optional within the capability: an implementation
     * without it is not implemented here only. If b fails, look for b1 + b2 (the bias not carried
     * through W2).
     *
     * @param ctx the run's context
     */
    @Clause("NET-4")
    public void informative_NET4_collapseIsW2W1AndW2b1PlusB2(Context ctx) {
        TwoLayerNetwork net = ctx.impl().twoLayerNetwork();
        ctx.qtModels()
                .forAll(layerSizesWithOutputs(6, ctx.options().maxOutputUnits()), range(0, Integer.MAX_VALUE))
                .checkAssert((s, seed) -> {
                    NetworkParameters p = Datasets.parameters(s, new Random(seed), 1);
                    AffineMap actual = net.collapse(p);
                    AffineMap expected = NetworkOracle.collapse(p);
                    ctx.assertClose("W = W2 W1", actual.w(), expected.w(), Tolerance.MODEL);
                    ctx.assertClose("b = W2 b1 + b2", actual.b(), expected.b(), Tolerance.MODEL);
                });
    }
}
