package org.dlbasis.spec.api;

import org.dlbasis.spec.error.EmptyInputException;
import org.dlbasis.spec.error.InvalidArgumentException;
import org.dlbasis.spec.error.InvalidLabelException;
import org.dlbasis.spec.error.NonFiniteInputException;
import org.dlbasis.spec.error.ShapeMismatchException;
import org.dlbasis.spec.tensor.Tensor;

/**
 * Logistic regression (SPEC LR-*): X (n, m) with samples as columns, Y (1, m) of 0/1 labels,
 * w (n, 1), b scalar; ŷ = A = σ(wᵀX + b), shape (1, m).
 *
 * <p>Every method validates its inputs: shapes ({@link ShapeMismatchException}), m ≥ 1
 * ({@link EmptyInputException}), finite values ({@link NonFiniteInputException}), labels in {0, 1}
 * ({@link InvalidLabelException}), a finite positive learning rate and a non-negative iteration
 * count ({@link InvalidArgumentException}).
 */
public interface LogisticRegression {

    /**
     * A = σ(wᵀX + b), shape (1, m).
     *
     * @param p the parameters: w (n, 1) and b
     * @param x the samples X, shape (n, m), as columns
     * @return the predictions A, shape (1, m)
     */
    Tensor forward(LogisticParameters p, Tensor x);

    /**
     * J(w, b) = (1/m) Σ L(a⁽ⁱ⁾, y⁽ⁱ⁾), computed from the logits so it is finite (SPEC LR-2).
     *
     * @param p the parameters: w (n, 1) and b
     * @param x the samples X, shape (n, m)
     * @param y the labels Y, shape (1, m)
     * @return the cost J
     */
    double cost(LogisticParameters p, Tensor x, Tensor y);

    /**
     * dw = (1/m) X (A − Y)ᵀ, db = (1/m) Σ (A − Y) (SPEC LR-3).
     *
     * @param p the parameters: w (n, 1) and b
     * @param x the samples X, shape (n, m)
     * @param y the labels Y, shape (1, m)
     * @return ∂J/∂w, shape (n, 1), and ∂J/∂b
     */
    LogisticGradients backward(LogisticParameters p, Tensor x, Tensor y);

    /**
     * w := w − α dw, b := b − α db (N13; SPEC GD-1).
     *
     * @param p the parameters before the step
     * @param g the gradients to follow, dw of w's shape
     * @param learningRate α, finite and &gt; 0
     * @return the parameters after the step
     */
    LogisticParameters step(LogisticParameters p, LogisticGradients g, double learningRate);

    /**
     * {@code iterations} steps of batch gradient descent from {@code p}; costs has iterations + 1
     * entries (SPEC GD-5).
     *
     * @param p the parameters to start from
     * @param x the samples X, shape (n, m)
     * @param y the labels Y, shape (1, m)
     * @param learningRate α, finite and &gt; 0
     * @param iterations the number of steps k, ≥ 0
     * @return the parameters after k steps and the k + 1 costs J(θ₀), …, J(θₖ)
     */
    Training<LogisticParameters> train(LogisticParameters p, Tensor x, Tensor y, double learningRate, int iterations);
}
