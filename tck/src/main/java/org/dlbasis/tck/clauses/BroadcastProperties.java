package org.dlbasis.tck.clauses;

import static org.dlbasis.tck.gen.Shapes.broadcastablePairs;
import static org.dlbasis.tck.gen.Shapes.incompatiblePairs;
import static org.dlbasis.tck.gen.Shapes.shapes;
import static org.quicktheories.generators.Generate.range;

import java.util.Random;
import java.util.function.BinaryOperator;
import java.util.function.DoubleBinaryOperator;
import org.dlbasis.spec.Clause;
import org.dlbasis.spec.api.ArrayOps;
import org.dlbasis.spec.api.Capability;
import org.dlbasis.spec.error.ErrorKind;
import org.dlbasis.spec.error.Messages;
import org.dlbasis.spec.tensor.Shape;
import org.dlbasis.spec.tensor.Tensor;
import org.dlbasis.tck.gen.ShapePair;
import org.dlbasis.tck.gen.Tensors;
import org.dlbasis.tck.match.Tolerance;
import org.dlbasis.tck.oracle.ArrayOracle;
import org.dlbasis.tck.suite.Context;
import org.dlbasis.tck.suite.Requires;

/** SPEC "Broadcasting": BCAST-1 … BCAST-7. */
@Requires(Capability.ARRAYS)
public final class BroadcastProperties {

    /**
     * The shape of a broadcast result follows numpy's rule.
     *
     * @param ctx the run's context
     */
    @Clause("BCAST-1")
    public void required_BCAST1_resultShapeFollowsTheRule(Context ctx) {
        ArrayOps np = ctx.impl().arrays();
        ctx.qt().forAll(broadcastablePairs()).checkAssert(pair -> {
            Shape actual = np.add(
                            Tensor.zeros(pair.a().dims()), Tensor.zeros(pair.b().dims()))
                    .shape();
            ctx.require(
                    actual.equals(pair.result()),
                    "add" + pair.a() + pair.b() + " has shape " + actual + ", but should be " + pair.result());
        });
    }

    /**
     * If this fails, check which operand is read with stride 0 along a size-1 axis.
     *
     * @param ctx the run's context
     */
    @Clause({"BCAST-2", "ARR-2"})
    public void required_BCAST2_resultEqualsExplicitTiling(Context ctx) {
        ArrayOps np = ctx.impl().arrays();
        ctx.qt().forAll(broadcastablePairs(), range(0, Integer.MAX_VALUE)).checkAssert((pair, seed) -> {
            Random r = new Random(seed);
            Tensor a = Tensors.uniform(pair.a(), r, 5);
            Tensor b = Tensors.uniform(pair.b(), r, 5);
            Tensor ta = ArrayOracle.tile(a, pair.result());
            Tensor tb = ArrayOracle.tile(b, pair.result());
            check(ctx, "add", np::add, (x, y) -> x + y, a, b, ta, tb);
            check(ctx, "subtract", np::subtract, (x, y) -> x - y, a, b, ta, tb);
            check(ctx, "multiply", np::multiply, (x, y) -> x * y, a, b, ta, tb);
            check(ctx, "divide", np::divide, (x, y) -> x / y, a, b, ta, tb);
            check(ctx, "maximum", np::maximum, Math::max, a, b, ta, tb);
        });
    }

    private static void check(
            Context ctx,
            String name,
            BinaryOperator<Tensor> op,
            DoubleBinaryOperator scalar,
            Tensor a,
            Tensor b,
            Tensor tiledA,
            Tensor tiledB) {
        ctx.assertClose(
                name + a.shape() + b.shape(),
                op.apply(a, b),
                ArrayOracle.elementwise(tiledA, tiledB, scalar),
                Tolerance.EXACT);
    }

    /**
     * Incompatible shapes raise SHAPE_MISMATCH with numpy's message, in every binary operation.
     *
     * @param ctx the run's context
     */
    @Clause({"BCAST-3", "ERR-1"})
    public void required_BCAST3_incompatibleShapesRaiseNumpysMessage(Context ctx) {
        ArrayOps np = ctx.impl().arrays();
        ctx.qt().forAll(incompatiblePairs()).checkAssert(pair -> {
            Tensor a = Tensor.zeros(pair.a().dims());
            Tensor b = Tensor.zeros(pair.b().dims());
            String message = Messages.broadcast(pair.a(), pair.b());
            ctx.assertRaises(ErrorKind.SHAPE_MISMATCH, message, () -> np.add(a, b));
            ctx.assertRaises(ErrorKind.SHAPE_MISMATCH, message, () -> np.subtract(a, b));
            ctx.assertRaises(ErrorKind.SHAPE_MISMATCH, message, () -> np.multiply(a, b));
            ctx.assertRaises(ErrorKind.SHAPE_MISMATCH, message, () -> np.divide(a, b));
            ctx.assertRaises(ErrorKind.SHAPE_MISMATCH, message, () -> np.maximum(a, b));
            ctx.assertRaises(ErrorKind.SHAPE_MISMATCH, message, () -> np.greater(a, b));
        });
    }

    /**
     * A 0-d operand broadcasts against every shape.
     *
     * @param ctx the run's context
     */
    @Clause("BCAST-4")
    public void required_BCAST4_zeroDimensionalOperandsBroadcastEverywhere(Context ctx) {
        ArrayOps np = ctx.impl().arrays();
        ctx.qt().forAll(Tensors.tensors(shapes(), 5), Tensors.between(-5, 5)).checkAssert((t, s) -> {
            Tensor scalar = Tensor.scalar(s);
            ctx.assertClose("t + " + s, np.add(t, scalar), t.map(x -> x + s), Tolerance.EXACT);
            ctx.assertClose(s + " * t", np.multiply(scalar, t), t.map(x -> s * x), Tolerance.EXACT);
        });
        ctx.assertClose("() + ()", np.add(Tensor.scalar(1), Tensor.scalar(2)), Tensor.scalar(3), Tolerance.EXACT);
    }

    /**
     * Zero-size dimensions broadcast: a 1 against a 0 gives 0, and a 0 against another size is an error.
     *
     * @param ctx the run's context
     */
    @Clause("BCAST-5")
    public void required_BCAST5_zeroSizeDimensions(Context ctx) {
        ArrayOps np = ctx.impl().arrays();
        int[][][] cases = {
            {{0, 3}, {3}, {0, 3}},
            {{1, 3}, {0, 1}, {0, 3}},
            {{0}, {}, {0}},
            {{2, 0}, {2, 1}, {2, 0}},
            {{0, 1}, {1, 0}, {0, 0}}
        };
        for (int[][] c : cases) {
            Tensor sum = np.add(Tensor.zeros(c[0]), Tensor.zeros(c[1]));
            ctx.require(
                    sum.shape().equals(Shape.of(c[2])),
                    "add" + Shape.format(c[0]) + Shape.format(c[1]) + " has shape " + sum.shape() + ", but should be "
                            + Shape.format(c[2]));
        }
        ctx.assertRaises(
                ErrorKind.SHAPE_MISMATCH,
                "operands could not be broadcast together with shapes (0,3) (2,3)",
                () -> np.add(Tensor.zeros(0, 3), Tensor.zeros(2, 3)));
    }

    /**
     * Swapping the operands of add and multiply gives the same result, and the error names the shapes
     * in the swapped order.
     *
     * @param ctx the run's context
     */
    @Clause("BCAST-6")
    public void required_BCAST6_swappingOperandsOfAddAndMultiply(Context ctx) {
        ArrayOps np = ctx.impl().arrays();
        ctx.qt().forAll(broadcastablePairs(), range(0, Integer.MAX_VALUE)).checkAssert((pair, seed) -> {
            Random r = new Random(seed);
            Tensor a = Tensors.uniform(pair.a(), r, 5);
            Tensor b = Tensors.uniform(pair.b(), r, 5);
            ctx.assertClose("add swapped " + pair, np.add(b, a), np.add(a, b), Tolerance.EXACT);
            ctx.assertClose("multiply swapped " + pair, np.multiply(b, a), np.multiply(a, b), Tolerance.EXACT);
        });
        ctx.qt().forAll(incompatiblePairs()).checkAssert(pair -> {
            ShapePair s = pair.swapped();
            ctx.assertRaises(
                    ErrorKind.SHAPE_MISMATCH,
                    Messages.broadcast(s.a(), s.b()),
                    () -> np.multiply(Tensor.zeros(s.a().dims()), Tensor.zeros(s.b().dims())));
        });
    }

    /**
     * The element-wise product broadcasts: a (4,3) matrix times a (3,) vector scales its columns.
     *
     * @param ctx the run's context
     */
    @Clause("BCAST-7")
    public void required_BCAST7_elementwiseProductBroadcasts(Context ctx) {
        ArrayOps np = ctx.impl().arrays();
        Tensor m = Tensor.matrix(
                new double[] {1, 2, 3}, new double[] {4, 5, 6}, new double[] {7, 8, 9}, new double[] {10, 11, 12});
        Tensor product = np.multiply(m, Tensor.vector(1, 10, 100));
        ctx.assertClose(
                "(4,3) * (3,)",
                product,
                Tensor.matrix(
                        new double[] {1, 20, 300}, new double[] {4, 50, 600}, new double[] {7, 80, 900}, new double[] {
                            10, 110, 1200
                        }),
                Tolerance.EXACT);
    }
}
