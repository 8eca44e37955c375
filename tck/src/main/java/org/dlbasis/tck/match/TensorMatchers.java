package org.dlbasis.tck.match;

import java.util.Arrays;

import org.dlbasis.spec.tensor.Shape;
import org.dlbasis.spec.tensor.Tensor;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeDiagnosingMatcher;

/** Hamcrest matchers for tensors: shape, and element-wise closeness that reports the worst index. */
public final class TensorMatchers {
    private TensorMatchers() {
    }

    /** The tensor has exactly this shape. */
    public static Matcher<Tensor> hasShape(int... dims) {
        return hasShape(Shape.of(dims));
    }

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

    /** Same shape, and every element within {@code tolerance} of the expected one. */
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
                mismatch.appendText("worst at index " + multiIndex(expected.shape(), worst) + ": "
                        + tolerance.explain(a, e));
                return tolerance.accepts(a, e);
            }

            @Override
            public void describeTo(Description d) {
                d.appendText("a tensor of shape " + expected.shape() + " within " + tolerance + " of " + expected);
            }
        };
    }

    /** The flat index with the largest tolerance ratio, or −1 for an empty tensor. */
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

    /** The largest tolerance ratio over all elements (0 for an empty tensor); shapes must agree. */
    public static double worstRatio(Tensor actual, Tensor expected, Tolerance tolerance) {
        int i = worstIndex(actual, expected, tolerance);
        return i < 0 ? 0 : tolerance.ratio(actual.flat(i), expected.flat(i));
    }

    /** Row-major flat index → multi-index, formatted like {@code (2,1)}. */
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
