package org.dlbasis.tck.match;

import java.util.Arrays;
import org.dlbasis.spec.tensor.Shape;
import org.dlbasis.spec.tensor.Tensor;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeDiagnosingMatcher;

/** Hamcrest matchers for tensors: shape, and element-wise closeness that reports the worst index. */
public final class TensorMatchers {
    private TensorMatchers() {}

    /**
     * The tensor has exactly this shape.
     *
     * @param dims the dimensions, such as {@code 3, 1} for (3,1); none for a 0-d tensor
     * @return the matcher
     */
    public static Matcher<Tensor> hasShape(int... dims) {
        return hasShape(Shape.of(dims));
    }

    /**
     * The tensor has exactly this shape.
     *
     * @param shape the shape
     * @return the matcher
     */
    public static Matcher<Tensor> hasShape(Shape shape) {
        return new TypeSafeDiagnosingMatcher<>() {
            @Override
            protected boolean matchesSafely(Tensor t, Description mismatch) {
                mismatch.appendText("shape was " + t.shape());
                return t.shape().equals(shape);
            }

            @Override
            public void describeTo(Description d) {
                d.appendText("a tensor of shape " + shape);
            }
        };
    }

    /**
     * Same shape, and every element within {@code tolerance} of the expected one.
     *
     * @param expected the expected tensor
     * @param tolerance how close every element must be
     * @return the matcher; a mismatch names the worst element, its index and the tolerance
     */
    public static Matcher<Tensor> closeTo(Tensor expected, Tolerance tolerance) {
        return new TypeSafeDiagnosingMatcher<>() {
            @Override
            protected boolean matchesSafely(Tensor actual, Description mismatch) {
                if (!actual.shape().equals(expected.shape())) {
                    mismatch.appendText("shape was " + actual.shape() + ", expected " + expected.shape());
                    return false;
                }
                int worst = worstIndex(actual, expected, tolerance);
                if (worst < 0) {
                    return true;
                }
                double a = actual.flat(worst);
                double e = expected.flat(worst);
                mismatch.appendText(
                        "worst at index " + multiIndex(expected.shape(), worst) + ": " + tolerance.explain(a, e));
                return tolerance.accepts(a, e);
            }

            @Override
            public void describeTo(Description d) {
                d.appendText("a tensor of shape " + expected.shape() + " within " + tolerance + " of " + expected);
            }
        };
    }

    /**
     * The flat index with the largest tolerance ratio, or −1 for an empty tensor.
     *
     * @param actual the computed tensor, of the same size as {@code expected}
     * @param expected the expected tensor
     * @param tolerance the tolerance the ratios are taken under
     * @return the row-major index of the worst element, or −1
     */
    public static int worstIndex(Tensor actual, Tensor expected, Tolerance tolerance) {
        int worst = -1;
        double worstRatio = -1;
        for (int i = 0; i < expected.size(); i++) {
            double r = tolerance.ratio(actual.flat(i), expected.flat(i));
            if (r > worstRatio) {
                worst = i;
                worstRatio = r;
            }
        }
        return worst;
    }

    /**
     * The largest tolerance ratio over all elements (0 for an empty tensor); shapes must agree.
     *
     * @param actual the computed tensor
     * @param expected the expected tensor
     * @param tolerance the tolerance the ratios are taken under
     * @return the largest {@link Tolerance#ratio}: 1 or less when every element is within tolerance
     */
    public static double worstRatio(Tensor actual, Tensor expected, Tolerance tolerance) {
        int i = worstIndex(actual, expected, tolerance);
        return i < 0 ? 0 : tolerance.ratio(actual.flat(i), expected.flat(i));
    }

    /**
     * Row-major flat index → multi-index, formatted like {@code (2,1)}.
     *
     * @param shape the tensor's shape
     * @param flat the row-major index, from 0 to {@code shape.size() − 1}
     * @return the multi-index, one entry per axis
     */
    public static String multiIndex(Shape shape, int flat) {
        int[] index = new int[shape.rank()];
        int[] strides = shape.strides();
        for (int axis = 0; axis < index.length; axis++) {
            index[axis] = flat / strides[axis];
            flat %= strides[axis];
        }
        return Arrays.toString(index).replace('[', '(').replace(']', ')').replace(" ", "");
    }
}
