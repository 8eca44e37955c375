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

    /** A = σ(wᵀX + b), shape (1, m). */
    Tensor forward(LogisticParameters p, Tensor x);

    /** J(w, b) = (1/m) Σ L(a⁽ⁱ⁾, y⁽ⁱ⁾), computed from the logits so it is finite. */
    double cost(LogisticParameters p, Tensor x, Tensor y);

    /** dw = (1/m) X (A − Y)ᵀ, db = (1/m) Σ (A − Y). */
    LogisticGradients backward(LogisticParameters p, Tensor x, Tensor y);

    /** w := w − α dw, b := b − α db (N13). */
    LogisticParameters step(LogisticParameters p, LogisticGradients g, double learningRate);

    /** {@code iterations} steps of batch gradient descent from {@code p}; costs has iterations + 1 entries. */
    Training<LogisticParameters> train(LogisticParameters p, Tensor x, Tensor y, double learningRate,
            int iterations);
}
