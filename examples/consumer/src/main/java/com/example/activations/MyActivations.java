package com.example.activations;

import java.util.EnumSet;
import java.util.Set;

import org.dlbasis.spec.api.Activation;
import org.dlbasis.spec.api.Activations;
import org.dlbasis.spec.api.Capability;
import org.dlbasis.spec.api.Implementation;
import org.dlbasis.spec.tensor.Tensor;

/**
 * The activation functions and their derivatives, written from the javadoc of
 * {@link Activations} and the note's formulas. It declares only {@link Capability#ACTIVATIONS}:
 * every other clause is "not implemented". Maxout is not written yet (its clause is skipped in
 * the tests, with that reason).
 */
public final class MyActivations implements Implementation, Activations {

    @Override
    public String name() {
        return "com.example activations";
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.of(Capability.ACTIVATIONS);
    }

    @Override
    public Activations activations() {
        return this;
    }

    @Override
    public Tensor apply(Activation g, Tensor z) {
        double a = g.parameter();
        return z.map(x -> Double.isNaN(x) ? x : switch (g.kind()) {
            case SIGMOID -> sigmoid(x);
            case TANH -> Math.tanh(x);
            case RELU -> Math.max(0, x);
            case LEAKY_RELU -> x >= 0 ? x : a * x;
            case ELU -> x >= 0 ? x : a * Math.expm1(x);
            case LINEAR -> x;
        });
    }

    @Override
    public Tensor derivative(Activation g, Tensor z) {
        double a = g.parameter();
        return z.map(x -> Double.isNaN(x) ? x : switch (g.kind()) {
            // the note's formulas: right, but they lose relative precision in the tails (a SHOULD)
            case SIGMOID -> sigmoid(x) * (1 - sigmoid(x));
            case TANH -> 1 - Math.tanh(x) * Math.tanh(x);
            case RELU -> x > 0 ? 1 : 0;
            case LEAKY_RELU -> x > 0 ? 1 : a;
            case ELU -> x >= 0 ? 1 : a * Math.exp(x);
            case LINEAR -> 1;
        });
    }

    /** 1/(1 + e^−z), as e^z/(1 + e^z) for z &lt; 0 so that e^−z cannot overflow. */
    private static double sigmoid(double z) {
        if (z >= 0) {
            return 1 / (1 + Math.exp(-z));
        }
        double e = Math.exp(z);
        return e / (1 + e);
    }

    @Override
    public Tensor maxout(Tensor pieces) {
        throw new UnsupportedOperationException("Maxout is not written yet");
    }

    @Override
    public Tensor maxoutDerivative(Tensor pieces) {
        throw new UnsupportedOperationException("Maxout is not written yet");
    }
}
