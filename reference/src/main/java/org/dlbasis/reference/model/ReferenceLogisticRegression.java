package org.dlbasis.reference.model;

import org.dlbasis.reference.Require;
import org.dlbasis.reference.activation.ScalarActivations;
import org.dlbasis.reference.array.ReferenceArrayOps;
import org.dlbasis.reference.fast.LogisticTrainer;
import org.dlbasis.reference.loss.CrossEntropy;
import org.dlbasis.spec.api.LogisticGradients;
import org.dlbasis.spec.api.LogisticParameters;
import org.dlbasis.spec.api.LogisticRegression;
import org.dlbasis.spec.api.Training;
import org.dlbasis.spec.tensor.Tensor;

/**
 * Logistic regression written as the note writes it, with numpy's operations (SPEC LR-*):
 * Z = wᵀX + b, A = σ(Z), dZ = A − Y, dw = (1/m) X dZᵀ, db = (1/m) Σ dZ.
 */
public final class ReferenceLogisticRegression implements LogisticRegression {
    private final ReferenceArrayOps np = new ReferenceArrayOps();
    private final CrossEntropy loss = new CrossEntropy();
    private final int threads;

    /** Trains on every core ({@link Runtime#availableProcessors()}). */
    public ReferenceLogisticRegression() {
        this(Runtime.getRuntime().availableProcessors());
    }

    /**
     * Trains on this many threads; the results are the same for every count.
     *
     * @param threads at least 1
     */
    public ReferenceLogisticRegression(int threads) {
        this.threads = Require.threads(threads);
    }

    @Override
    public Tensor forward(LogisticParameters p, Tensor x) {
        return logits(p, x).map(ScalarActivations::sigmoid);
    }

    @Override
    public double cost(LogisticParameters p, Tensor x, Tensor y) {
        return loss.costFromLogits(logits(p, x), y); // the loss checks Y against Z's (1, m)
    }

    @Override
    public LogisticGradients backward(LogisticParameters p, Tensor x, Tensor y) {
        Tensor a = forward(p, x);
        int m = x.shape().dim(1);
        ModelInputs.labels(y, 1, m);
        Tensor dz = np.subtract(a, y);
        Tensor dw = np.multiply(Tensor.scalar(1.0 / m), np.dot(x, np.transpose(dz)));
        double db = np.sum(dz, null, false).item() / m;
        return new LogisticGradients(dw, db);
    }

    @Override
    public LogisticParameters step(LogisticParameters p, LogisticGradients g, double learningRate) {
        Require.learningRate(learningRate);
        ModelInputs.sameShape("dw", g.dw(), p.w());
        Require.finite("db", g.db());
        Tensor w = np.subtract(p.w(), np.multiply(Tensor.scalar(learningRate), g.dw()));
        return new LogisticParameters(w, p.b() - learningRate * g.db());
    }

    /** k steps of {@link #step}({@link #backward}) computed in place by {@link LogisticTrainer}. */
    @Override
    public Training<LogisticParameters> train(
            LogisticParameters p, Tensor x, Tensor y, double learningRate, int iterations) {
        Require.learningRate(learningRate);
        Require.iterations(iterations);
        logits(p, x);
        ModelInputs.labels(y, 1, x.shape().dim(1));
        return new LogisticTrainer(x, y, threads).train(p, learningRate, iterations);
    }

    /** Z = wᵀX + b, shape (1, m), after checking X, w and b. */
    private Tensor logits(LogisticParameters p, Tensor x) {
        ModelInputs.samples(x);
        ModelInputs.logistic(p, x);
        return np.add(np.dot(np.transpose(p.w()), x), Tensor.scalar(p.b()));
    }
}
