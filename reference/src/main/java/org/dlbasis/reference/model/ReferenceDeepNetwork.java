package org.dlbasis.reference.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import org.dlbasis.reference.Require;
import org.dlbasis.reference.activation.ReferenceActivations;
import org.dlbasis.reference.array.ReferenceArrayOps;
import org.dlbasis.reference.loss.CrossEntropy;
import org.dlbasis.spec.api.Activation;
import org.dlbasis.spec.api.DeepCache;
import org.dlbasis.spec.api.DeepGradients;
import org.dlbasis.spec.api.DeepNetwork;
import org.dlbasis.spec.api.DeepParameters;
import org.dlbasis.spec.api.Initialization;
import org.dlbasis.spec.api.Training;
import org.dlbasis.spec.error.InvalidArgumentException;
import org.dlbasis.spec.tensor.Shape;
import org.dlbasis.spec.tensor.Tensor;

/**
 * The L-layer network (SPEC DEEP-*): the two-layer network's lines (N44–N50) written once, for
 * every layer; {@link ReferenceTwoLayerNetwork} is the case L = 2 (SPEC DEEP-13):
 *
 * <pre>
 * A[0] = X
 * Z[l] = W[l] A[l−1] + b[l]          A[l] = g(Z[l]) for l &lt; L,  A[L] = σ(Z[L])        (n[l], m)
 * dZ[L] = A[L] − Y
 * dW[l] = (1/m) dZ[l] A[l−1]ᵀ         db[l] = (1/m) Σ dZ[l] (axis 1, keepdims)
 * dA[l−1] = W[l]ᵀ dZ[l]               dZ[l−1] = dA[l−1] * g'(Z[l−1])
 * </pre>
 *
 * written with numpy's operations ({@link ReferenceArrayOps}).
 */
public final class ReferenceDeepNetwork implements DeepNetwork {
    private final ReferenceArrayOps np = new ReferenceArrayOps();
    private final ReferenceActivations g = new ReferenceActivations();
    private final CrossEntropy loss = new CrossEntropy();

    /** W[1], …, W[L] drawn row-major from one {@link Random}(seed), times the scale; b = 0. */
    @Override
    public DeepParameters initialize(int[] layerSizes, Initialization init) {
        checkSizes(layerSizes);
        Random random = new Random(init.seed());
        List<Tensor> w = new ArrayList<>();
        List<Tensor> b = new ArrayList<>();
        for (int l = 1; l < layerSizes.length; l++) {
            w.add(gaussian(random, Shape.of(layerSizes[l], layerSizes[l - 1]), init.scale()));
            b.add(Tensor.zeros(layerSizes[l], 1));
        }
        return new DeepParameters(w, b);
    }

    /** n[0], …, n[L]: L ≥ 1 and every size ≥ 1 (SPEC DEEP-1, ERR-3). */
    private static void checkSizes(int[] sizes) {
        if (sizes == null || sizes.length < 2) {
            throw new InvalidArgumentException("layer sizes must be n[0], n[1], ..., n[L] with L >= 1, found "
                    + (sizes == null ? "none" : format(sizes)));
        }
        if (Arrays.stream(sizes).anyMatch(n -> n < 1)) {
            throw new InvalidArgumentException("layer sizes must be >= 1, found " + format(sizes));
        }
    }

    private static String format(int[] sizes) {
        return Arrays.stream(sizes).mapToObj(Integer::toString).collect(Collectors.joining(", ", "(", ")"));
    }

    private static Tensor gaussian(Random random, Shape shape, double scale) {
        double[] values = new double[shape.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextGaussian() * scale;
        }
        return Tensor.of(shape, values);
    }

    @Override
    public DeepCache forward(DeepParameters p, Tensor x, Activation hidden) {
        ModelInputs.samples(x);
        ModelInputs.deep(p, x);
        return propagate(p, x, hidden);
    }

    /** The forward pass on checked inputs. */
    private DeepCache propagate(DeepParameters p, Tensor x, Activation hidden) {
        int layers = p.layers();
        List<Tensor> z = new ArrayList<>();
        List<Tensor> a = new ArrayList<>();
        Tensor previous = x; // A[0] = X
        for (int l = 1; l <= layers; l++) {
            Tensor zl = np.add(np.dot(p.w(l), previous), p.b(l)); // Z[l] = W[l] A[l−1] + b[l]
            Tensor al = g.apply(l < layers ? hidden : Activation.sigmoid(), zl); // A[l] = g(Z[l]); A[L] = σ(Z[L])
            z.add(zl);
            a.add(al);
            previous = al;
        }
        return new DeepCache(z, a);
    }

    @Override
    public double cost(DeepParameters p, Tensor x, Tensor y, Activation hidden) {
        DeepCache c = forward(p, x, hidden);
        return loss.costFromLogits(c.z(c.layers()), y); // the loss checks Y against Z[L]'s (n[L], m)
    }

    @Override
    public DeepGradients backward(DeepParameters p, DeepCache cache, Tensor x, Tensor y, Activation hidden) {
        int m = ModelInputs.samples(x);
        ModelInputs.deep(p, x);
        ModelInputs.deepCache(cache, p, m);
        ModelInputs.labels(y, p.w(p.layers()).shape().dim(0), m);
        return gradients(p, cache, x, y, hidden);
    }

    /** Back propagation on checked inputs, from the output layer down. */
    private DeepGradients gradients(DeepParameters p, DeepCache cache, Tensor x, Tensor y, Activation hidden) {
        int layers = p.layers();
        Tensor oneOverM = Tensor.scalar(1.0 / x.shape().dim(1));
        Tensor[] dw = new Tensor[layers];
        Tensor[] db = new Tensor[layers];
        Tensor dz = np.subtract(cache.a(layers), y); // dZ[L] = A[L] − Y (N45)
        for (int l = layers; l >= 1; l--) {
            Tensor previous = l > 1 ? cache.a(l - 1) : x; // A[l−1], A[0] = X
            dw[l - 1] = np.multiply(oneOverM, np.dot(dz, np.transpose(previous))); // N46, N49
            db[l - 1] = np.multiply(oneOverM, np.sum(dz, 1, true)); // N47, N50
            if (l > 1) {
                Tensor da = np.dot(np.transpose(p.w(l)), dz); // dA[l−1] = W[l]ᵀ dZ[l]
                dz = np.multiply(da, g.derivative(hidden, cache.z(l - 1))); // * g'(Z[l−1]) (N48)
            }
        }
        return new DeepGradients(List.of(dw), List.of(db));
    }

    @Override
    public DeepParameters step(DeepParameters p, DeepGradients grads, double learningRate) {
        Require.learningRate(learningRate);
        ModelInputs.deepGradients(grads, p);
        List<Tensor> w = new ArrayList<>();
        List<Tensor> b = new ArrayList<>();
        for (int l = 1; l <= p.layers(); l++) {
            w.add(GradientStep.update("dW" + l, p.w(l), grads.dw(l), learningRate));
            b.add(GradientStep.update("db" + l, p.b(l), grads.db(l), learningRate));
        }
        return new DeepParameters(w, b);
    }

    /** k steps of {@link #step}({@link #backward}), each from a fresh {@link #forward}. */
    @Override
    public Training<DeepParameters> train(
            DeepParameters p, Tensor x, Tensor y, Activation hidden, double learningRate, int iterations) {
        Require.learningRate(learningRate);
        Require.iterations(iterations);
        int m = ModelInputs.samples(x);
        ModelInputs.deep(p, x);
        ModelInputs.labels(y, p.w(p.layers()).shape().dim(0), m);
        double[] costs = new double[iterations + 1];
        DeepParameters q = p;
        for (int i = 0; i < iterations; i++) {
            DeepCache c = propagate(q, x, hidden);
            costs[i] = loss.costFromLogits(c.z(c.layers()), y);
            q = step(q, gradients(q, c, x, y, hidden), learningRate);
        }
        costs[iterations] = loss.costFromLogits(propagate(q, x, hidden).z(q.layers()), y);
        return new Training<>(q, costs);
    }
}
