package org.dlbasis.tck.clauses;

import static org.quicktheories.generators.Generate.range;

import java.util.Random;
import org.dlbasis.spec.Clause;
import org.dlbasis.spec.api.ArrayOps;
import org.dlbasis.spec.api.Capability;
import org.dlbasis.spec.error.ErrorKind;
import org.dlbasis.spec.tensor.Shape;
import org.dlbasis.spec.tensor.Tensor;
import org.dlbasis.tck.gen.Tensors;
import org.dlbasis.tck.match.Tolerance;
import org.dlbasis.tck.oracle.ArrayOracle;
import org.dlbasis.tck.suite.Context;
import org.dlbasis.tck.suite.Requires;

/** SPEC "Rank-1 arrays": RANK1-1 … RANK1-5 (N24–N30). */
@Requires(Capability.ARRAYS)
public final class Rank1Properties {

    /**
     * A rank-1 array is its own transpose, and its dot with itself is a 0-d array: the sum of squares.
     *
     * @param ctx the run's context
     */
    @Clause({"RANK1-1", "RANK1-2"})
    public void required_RANK1_1_2_rank1TransposeIsItselfAndDotWithItIsANumber(Context ctx) {
        ArrayOps np = ctx.impl().arrays();
        ctx.qt().forAll(range(0, 50), range(0, Integer.MAX_VALUE)).checkAssert((n, seed) -> {
            Tensor a = Tensors.gaussian(Shape.of(n), new Random(seed), 1);
            ctx.assertClose("a.T for a of shape (" + n + ",)", np.transpose(a), a, Tolerance.EXACT);
            Tensor dot = np.dot(a, np.transpose(a));
            ctx.require(
                    dot.shape().equals(Shape.scalar()),
                    "np.dot(a, a.T) of a (" + n + ",) array has shape " + dot.shape() + ", but should be ()");
            double squares = 0;
            for (int i = 0; i < n; i++) {
                squares += a.flat(i) * a.flat(i);
            }
            ctx.assertClose("np.dot(a, a.T)", dot.item(), squares, Tolerance.sumBetween(Math.max(1, n), squares));
        });
    }

    /**
     * A column (n, 1) times its transpose is the (n, n) outer product, by dot and by broadcasting multiply.
     *
     * @param ctx the run's context
     */
    @Clause({"RANK1-3", "ARR-4"})
    public void required_RANK1_3_columnTimesItsTransposeIsTheOuterProduct(Context ctx) {
        ArrayOps np = ctx.impl().arrays();
        ctx.qt().forAll(range(1, 12), range(0, Integer.MAX_VALUE)).checkAssert((n, seed) -> {
            Tensor a = Tensors.gaussian(Shape.of(n, 1), new Random(seed), 1);
            Tensor outer = np.dot(a, np.transpose(a));
            ctx.assertClose(
                    "np.dot(a, a.T) for a (" + n + ",1)",
                    outer,
                    ArrayOracle.matmul(a, ArrayOracle.transpose(a)),
                    Tolerance.EXACT);
            ctx.assertClose("a * a.T for a (" + n + ",1)", np.multiply(a, np.transpose(a)), outer, Tolerance.EXACT);
        });
    }

    /**
     * reshape turns a rank-1 array into a column (n, 1) or a row (1, n), and back with −1.
     *
     * @param ctx the run's context
     */
    @Clause("RANK1-4")
    public void required_RANK1_4_reshapeTurnsRank1IntoAColumnAndBack(Context ctx) {
        ArrayOps np = ctx.impl().arrays();
        ctx.qt().forAll(range(0, 30), range(0, Integer.MAX_VALUE)).checkAssert((n, seed) -> {
            Tensor a = Tensors.gaussian(Shape.of(n), new Random(seed), 1);
            Tensor column = np.reshape(a, n, 1);
            ctx.assertClose("reshape(a, (n,1))", column, Tensor.of(Shape.of(n, 1), a.toArray()), Tolerance.EXACT);
            ctx.assertClose("reshape(column, -1)", np.reshape(column, -1), a, Tolerance.EXACT);
            ctx.assertClose(
                    "reshape(a, (1,-1))",
                    np.reshape(a, 1, -1),
                    Tensor.of(Shape.of(1, n), a.toArray()),
                    Tolerance.EXACT);
        });
    }

    /**
     * dot does not broadcast: (4,3)·(4,) and (n,1)·(n,1) raise SHAPE_MISMATCH with numpy's message.
     *
     * @param ctx the run's context
     */
    @Clause({"RANK1-5", "ARR-4"})
    public void required_RANK1_5_dotDoesNotBroadcast(Context ctx) {
        ArrayOps np = ctx.impl().arrays();
        ctx.assertRaises(
                ErrorKind.SHAPE_MISMATCH,
                "shapes (4,3) and (4,) not aligned: 3 (dim 1) != 4 (dim 0)",
                () -> np.dot(Tensor.zeros(4, 3), Tensor.zeros(4)));
        ctx.qt()
                .forAll(range(2, 8))
                .checkAssert(n -> ctx.assertRaises(
                        ErrorKind.SHAPE_MISMATCH,
                        "shapes (" + n + ",1) and (" + n + ",1) not aligned: 1 (dim 1) != " + n + " (dim 0)",
                        () -> np.dot(Tensor.zeros(n, 1), Tensor.zeros(n, 1))));
    }
}
