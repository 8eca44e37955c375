package org.dlbasis.tck.clauses;

import static org.dlbasis.tck.gen.Shapes.shapes;
import static org.dlbasis.tck.gen.Tensors.tensors;
import static org.quicktheories.generators.Generate.range;

import java.util.Arrays;
import java.util.Random;
import org.dlbasis.spec.Clause;
import org.dlbasis.spec.api.ArrayOps;
import org.dlbasis.spec.api.Capability;
import org.dlbasis.spec.error.ErrorKind;
import org.dlbasis.spec.error.Messages;
import org.dlbasis.spec.tensor.Shape;
import org.dlbasis.spec.tensor.Tensor;
import org.dlbasis.tck.gen.Tensors;
import org.dlbasis.tck.match.Tolerance;
import org.dlbasis.tck.oracle.ArrayOracle;
import org.dlbasis.tck.suite.Context;
import org.dlbasis.tck.suite.Requires;

/** SPEC "Arrays": ARR-1 … ARR-7, numpy as the standard. */
@Requires(Capability.ARRAYS)
public final class ArrayProperties {

    /**
     * Every shape, 0-d and zero-size ones included, is a value: {@code t + 0} returns {@code t} unchanged.
     *
     * @param ctx the run's context
     */
    @Clause("ARR-1")
    public void required_ARR1_everyShapeIncludingZeroSizeIsAValue(Context ctx) {
        ArrayOps np = ctx.impl().arrays();
        ctx.qt().forAll(tensors(shapes(), 10)).checkAssert(t -> {
            Tensor same = np.add(t, Tensor.scalar(0));
            ctx.assertClose("t + 0 for " + t.shape(), same, t, Tolerance.EXACT);
        });
    }

    /**
     * If this fails, check the element-wise kernels against plain IEEE arithmetic, NaN and ±∞ included.
     *
     * @param ctx the run's context
     */
    @Clause("ARR-2")
    public void required_ARR2_elementwiseOperationsAreIeee(Context ctx) {
        ArrayOps np = ctx.impl().arrays();
        ctx.qt().forAll(shapes(3, 4), range(0, Integer.MAX_VALUE)).checkAssert((shape, seed) -> {
            Tensor a = withSpecials(shape, new Random(seed));
            Tensor b = withSpecials(shape, new Random(seed + 1L));
            ctx.assertClose("add", np.add(a, b), ArrayOracle.elementwise(a, b, (x, y) -> x + y), Tolerance.EXACT);
            ctx.assertClose(
                    "subtract", np.subtract(a, b), ArrayOracle.elementwise(a, b, (x, y) -> x - y), Tolerance.EXACT);
            ctx.assertClose(
                    "multiply", np.multiply(a, b), ArrayOracle.elementwise(a, b, (x, y) -> x * y), Tolerance.EXACT);
            ctx.assertClose("divide", np.divide(a, b), ArrayOracle.elementwise(a, b, (x, y) -> x / y), Tolerance.EXACT);
            ctx.assertClose("maximum", np.maximum(a, b), ArrayOracle.elementwise(a, b, Math::max), Tolerance.EXACT);
            ctx.assertClose(
                    "greater",
                    np.greater(a, b),
                    ArrayOracle.elementwise(a, b, (x, y) -> x > y ? 1 : 0),
                    Tolerance.EXACT);
            ctx.assertClose("exp", np.exp(a), a.map(Math::exp), Tolerance.ELEM);
            ctx.assertClose("log", np.log(a), a.map(Math::log), Tolerance.ELEM);
        });
    }

    /** Values in [−5, 5] with, now and then, 0, −0.0, NaN, ±∞. */
    private static Tensor withSpecials(Shape shape, Random random) {
        double[] specials = {0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        double[] v = new double[shape.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = random.nextInt(6) == 0 ? specials[random.nextInt(specials.length)] : 10 * random.nextDouble() - 5;
        }
        return Tensor.of(shape, v);
    }

    /**
     * transpose reverses the axes: the shape is reversed and every entry moves to its reversed index.
     *
     * @param ctx the run's context
     */
    @Clause({"ARR-3", "RANK1-1"})
    public void required_ARR3_transposeReversesTheAxes(Context ctx) {
        ArrayOps np = ctx.impl().arrays();
        ctx.qt().forAll(tensors(shapes(), 10)).checkAssert(t -> {
            Tensor tt = np.transpose(t);
            int[] dims = t.shape().dims();
            int[] reversed = new int[dims.length];
            for (int i = 0; i < dims.length; i++) {
                reversed[i] = dims[dims.length - 1 - i];
            }
            ctx.require(
                    tt.shape().equals(Shape.of(reversed)),
                    "transpose of " + t.shape() + " has shape " + tt.shape() + ", expected " + Shape.format(reversed));
            for (int k = 0; k < t.size(); k++) {
                int[] index = multiIndex(t.shape(), k);
                int[] back = new int[index.length];
                for (int i = 0; i < index.length; i++) {
                    back[i] = index[index.length - 1 - i];
                }
                ctx.require(
                        Double.compare(tt.get(back), t.get(index)) == 0,
                        "transpose" + Arrays.toString(back) + " != t" + Arrays.toString(index) + " for " + t.shape());
            }
        });
    }

    static int[] multiIndex(Shape shape, int flat) {
        int[] index = new int[shape.rank()];
        int[] strides = shape.strides();
        for (int axis = 0; axis < index.length; axis++) {
            index[axis] = flat / strides[axis];
            flat %= strides[axis];
        }
        return index;
    }

    /**
     * If this fails, check which rank-1 operand acts as row or column, and the contracted axes.
     *
     * @param ctx the run's context
     */
    @Clause("ARR-4")
    public void required_ARR4_dotIsNumpysDotForRanksUpToTwo(Context ctx) {
        ArrayOps np = ctx.impl().arrays();
        ctx.qt()
                .forAll(range(0, 5), range(0, 5), range(0, 5), range(0, Integer.MAX_VALUE))
                .checkAssert((n, k, m, seed) -> {
                    Random r = new Random(seed);
                    Tensor a = Tensors.uniform(Shape.of(n, k), r, 3);
                    Tensor b = Tensors.uniform(Shape.of(k, m), r, 3);
                    Tensor v = Tensors.uniform(Shape.of(k), r, 3);
                    Tensor w = Tensors.uniform(Shape.of(k), r, 3);
                    checkDot(
                            ctx,
                            np.dot(a, b),
                            ArrayOracle.matmul(a, b),
                            ArrayOracle.matmulAbs(a, b),
                            k,
                            Shape.of(n, m));
                    Tensor vCol = column(v);
                    checkDot(
                            ctx,
                            np.dot(a, v),
                            ArrayOracle.matmul(a, vCol),
                            ArrayOracle.matmulAbs(a, vCol),
                            k,
                            Shape.of(n));
                    Tensor vRow = ArrayOracle.transpose(vCol);
                    checkDot(
                            ctx,
                            np.dot(v, b),
                            ArrayOracle.matmul(vRow, b),
                            ArrayOracle.matmulAbs(vRow, b),
                            k,
                            Shape.of(m));
                    Tensor wCol = column(w);
                    checkDot(
                            ctx,
                            np.dot(v, w),
                            ArrayOracle.matmul(vRow, wCol),
                            ArrayOracle.matmulAbs(vRow, wCol),
                            k,
                            Shape.scalar());
                    Tensor s = Tensor.scalar(2.5);
                    ctx.assertClose("dot((), (n,k))", np.dot(s, a), a.map(x -> 2.5 * x), Tolerance.EXACT);
                    ctx.assertClose("dot((n,k), ())", np.dot(a, s), a.map(x -> x * 2.5), Tolerance.EXACT);
                    if (k.intValue() != m.intValue()) { // boxed Integers: compare values, not references
                        Tensor c = Tensor.zeros(m, 2);
                        ctx.assertRaises(
                                ErrorKind.SHAPE_MISMATCH,
                                Messages.notAligned(a.shape(), c.shape()),
                                () -> np.dot(a, c));
                    }
                });
    }

    private static Tensor column(Tensor v) {
        return Tensor.of(Shape.of(v.size(), 1), v.toArray());
    }

    private static void checkDot(Context ctx, Tensor actual, Tensor expected, Tensor absTerms, int k, Shape shape) {
        ctx.require(actual.shape().equals(shape), "dot gave shape " + actual.shape() + ", expected " + shape);
        for (int i = 0; i < actual.size(); i++) {
            ctx.assertClose(
                    "dot entry " + i + " of " + shape,
                    actual.flat(i),
                    expected.flat(i),
                    Tolerance.sumBetween(Math.max(1, k), absTerms.flat(i)));
        }
    }

    /**
     * dot with an operand of rank above 2 raises INVALID_ARGUMENT.
     *
     * @param ctx the run's context
     */
    @Clause({"ARR-5", "ERR-1"})
    public void required_ARR5_dotAboveRankTwoIsRejected(Context ctx) {
        ArrayOps np = ctx.impl().arrays();
        ctx.assertRaises(
                ErrorKind.INVALID_ARGUMENT,
                "dot is specified for operands of rank <= 2, found shapes (2,2,2) and (2,)",
                () -> np.dot(Tensor.zeros(2, 2, 2), Tensor.zeros(2)));
        ctx.assertRaises(ErrorKind.INVALID_ARGUMENT, null, () -> np.dot(Tensor.zeros(2, 2), Tensor.zeros(2, 2, 1)));
    }

    /**
     * If this fails, check the axis bookkeeping: negative axes, keepdims, and empty sums (= 0).
     *
     * @param ctx the run's context
     */
    @Clause({"ARR-6", "ERR-1"})
    public void required_ARR6_sumWithAxisAndKeepdims(Context ctx) {
        ArrayOps np = ctx.impl().arrays();
        ctx.qt().forAll(tensors(shapes(4, 4), 10), range(-5, 5), range(0, 1)).checkAssert((t, axis, keep) -> {
            int rank = t.rank();
            boolean keepdims = keep == 1;
            if (rank == 0 && (axis == 0 || axis == -1)) {
                ctx.assertClose("sum of a 0-d array over axis " + axis, np.sum(t, axis, keepdims), t, Tolerance.EXACT);
                return;
            }
            if (axis < -rank || axis >= rank) {
                ctx.assertRaises(
                        ErrorKind.AXIS_OUT_OF_BOUNDS, Messages.axis(axis, rank), () -> np.sum(t, axis, keepdims));
                return;
            }
            int k = axis < 0 ? axis + rank : axis;
            checkSum(ctx, np.sum(t, axis, keepdims), t, k, keepdims);
        });
        ctx.qt().forAll(tensors(shapes(4, 4), 10), range(0, 1)).checkAssert((t, keep) -> {
            Tensor total = np.sum(t, null, keep == 1);
            int[] ones = new int[keep == 1 ? t.rank() : 0];
            Arrays.fill(ones, 1);
            ctx.require(
                    total.shape().equals(Shape.of(ones)),
                    "sum(axis=None) of " + t.shape() + " has shape " + total.shape() + ", expected "
                            + Shape.format(ones));
            double exact = 0;
            for (int i = 0; i < t.size(); i++) {
                exact += t.flat(i);
            }
            ctx.assertClose(
                    "sum(axis=None)",
                    total.item(),
                    exact,
                    Tolerance.sumBetween(Math.max(1, t.size()), ArrayOracle.absSum(t)));
        });
    }

    /** Compares np.sum(t, axis=k) with the oracle's loop over the summed axis. */
    private static void checkSum(Context ctx, Tensor actual, Tensor t, int k, boolean keepdims) {
        int[] dims = t.shape().dims();
        int[] outDims = keepdims ? dims.clone() : new int[dims.length - 1];
        if (keepdims) {
            outDims[k] = 1;
        } else {
            for (int i = 0, j = 0; i < dims.length; i++) {
                if (i != k) {
                    outDims[j++] = dims[i];
                }
            }
        }
        Shape expectedShape = Shape.of(outDims);
        ctx.require(
                actual.shape().equals(expectedShape),
                "sum(axis=" + k + ", keepdims=" + keepdims + ") of " + t.shape() + " has shape " + actual.shape()
                        + ", expected " + expectedShape);
        double[] sums = new double[expectedShape.size()];
        double[] abs = new double[expectedShape.size()];
        for (int flat = 0; flat < t.size(); flat++) {
            int[] index = multiIndex(t.shape(), flat);
            int target = 0;
            int stride = 1;
            for (int axis = dims.length - 1; axis >= 0; axis--) {
                if (axis != k) {
                    target += index[axis] * stride;
                    stride *= dims[axis];
                }
            }
            sums[target] += t.flat(flat);
            abs[target] += Math.abs(t.flat(flat));
        }
        for (int i = 0; i < sums.length; i++) {
            ctx.assertClose(
                    "sum entry " + i, actual.flat(i), sums[i], Tolerance.sumBetween(Math.max(1, dims[k]), abs[i]));
        }
    }

    /**
     * reshape keeps the row-major order, infers one −1 dimension and round-trips; a wrong size or two
     * unknowns are rejected.
     *
     * @param ctx the run's context
     */
    @Clause({"ARR-7", "RANK1-4", "ERR-1"})
    public void required_ARR7_reshapeKeepsRowMajorOrder(Context ctx) {
        ArrayOps np = ctx.impl().arrays();
        ctx.qt().forAll(tensors(shapes(4, 4), 10), range(0, Integer.MAX_VALUE)).checkAssert((t, seed) -> {
            int[] target = factorization(t.size(), new Random(seed));
            Tensor r = np.reshape(t, target);
            ctx.require(
                    r.shape().equals(Shape.of(target)), "reshape to " + Shape.format(target) + " gave " + r.shape());
            ctx.require(Arrays.equals(r.toArray(), t.toArray()), "reshape changed the row-major order of " + t.shape());
            if (target.length > 0 && t.size() > 0) {
                int[] inferred = target.clone();
                inferred[new Random(seed).nextInt(target.length)] = -1;
                ctx.require(
                        np.reshape(t, inferred).shape().equals(Shape.of(target)),
                        "reshape to " + Shape.format(inferred) + " did not infer " + Shape.format(target));
            }
            ctx.assertClose("reshape round trip", np.reshape(r, t.shape().dims()), t, Tolerance.EXACT);
            int[] wrong = {t.size() + 1};
            ctx.assertRaises(ErrorKind.SHAPE_MISMATCH, Messages.reshape(t.size(), wrong), () -> np.reshape(t, wrong));
            ctx.assertRaises(ErrorKind.INVALID_ARGUMENT, Messages.reshapeTwoUnknowns(), () -> np.reshape(t, -1, -1));
        });
    }

    /** A random shape whose size is {@code size}. */
    private static int[] factorization(int size, Random random) {
        if (size == 0) {
            return new int[] {random.nextInt(3), 0, 1 + random.nextInt(2)};
        }
        int rank = random.nextInt(4);
        if (rank == 0) {
            return size == 1 ? new int[0] : new int[] {size};
        }
        int[] dims = new int[rank];
        int rest = size;
        for (int i = 0; i < rank - 1; i++) {
            int d = 1;
            for (int c = 2; c <= rest; c++) {
                if (rest % c == 0 && random.nextBoolean()) {
                    d = c;
                    break;
                }
            }
            dims[i] = d;
            rest /= d;
        }
        dims[rank - 1] = rest;
        return dims;
    }
}
