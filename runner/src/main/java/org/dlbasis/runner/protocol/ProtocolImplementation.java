package org.dlbasis.runner.protocol;

import java.util.Map;
import java.util.Set;
import org.dlbasis.spec.api.Activation;
import org.dlbasis.spec.api.Activations;
import org.dlbasis.spec.api.AffineMap;
import org.dlbasis.spec.api.ArrayOps;
import org.dlbasis.spec.api.Capability;
import org.dlbasis.spec.api.CapabilityNotImplementedException;
import org.dlbasis.spec.api.DeepCache;
import org.dlbasis.spec.api.DeepGradients;
import org.dlbasis.spec.api.DeepNetwork;
import org.dlbasis.spec.api.DeepParameters;
import org.dlbasis.spec.api.ForwardCache;
import org.dlbasis.spec.api.Initialization;
import org.dlbasis.spec.api.LayerSizes;
import org.dlbasis.spec.api.LogisticGradients;
import org.dlbasis.spec.api.LogisticParameters;
import org.dlbasis.spec.api.LogisticRegression;
import org.dlbasis.spec.api.Loss;
import org.dlbasis.spec.api.NetworkGradients;
import org.dlbasis.spec.api.NetworkParameters;
import org.dlbasis.spec.api.Options;
import org.dlbasis.spec.api.Training;
import org.dlbasis.spec.api.TwoLayerNetwork;
import org.dlbasis.spec.tensor.Shape;
import org.dlbasis.spec.tensor.Tensor;
import org.dlbasis.tck.suite.IsolatedImplementation;
import org.dlbasis.tck.suite.WrongResultShape;
import org.dlbasis.wire.Faults;
import org.dlbasis.wire.Operation;

/**
 * An implementation in another language, reached through spec/PROTOCOL.md: every API call is one
 * request to the child process. To the suite it is an implementation like any other.
 *
 * <p>Each API method is one line: its arguments, parameters first and then inputs in the order of
 * {@link Operation}'s table, which encodes them and reads the answer.
 */
public final class ProtocolImplementation implements IsolatedImplementation, AutoCloseable {
    private final ProtocolClient client;
    /** A missing output or a wrong shape kills the child (a protocol error) or fails the check. */
    private final Faults faults = new Faults() {
        @Override
        public void missing(Operation op, String output, Set<String> given) {
            throw client.nonsense("answered \"" + op + "\" without the output \"" + output + "\"; it gave " + given);
        }

        @Override
        public void wrongShape(Operation op, String output, Shape expected, Shape found) {
            String named = client.outputInItsTerms(op.wireName(), output).orElse(null);
            throw named == null
                    ? new WrongResultShape(op.wireName(), output, expected, found)
                    : new WrongResultShape(named, expected, found);
        }
    };

    private ProtocolImplementation(ProtocolClient client) {
        this.client = client;
    }

    /**
     * A program started with {@code sh -c <commandLine>}.
     *
     * @param commandLine the shell command line that starts the program
     * @param timeoutMillis the timeout per request, in milliseconds
     * @return the implementation; the program starts at the first call
     */
    public static ProtocolImplementation command(String commandLine, long timeoutMillis) {
        return new ProtocolImplementation(
                new ProtocolClient(ChildProcess.shell(commandLine), commandLine, timeoutMillis));
    }

    /**
     * A Java class run in a child JVM by {@link ProtocolServer}: an infinite loop is a timeout,
     * and {@code System.exit}, a StackOverflowError or an OutOfMemoryError end that JVM, not the
     * runner; the next check starts a fresh one.
     *
     * @param className the fully qualified name of the class implementing {@code Implementation}
     * @param classpath the implementation's jars and folders (platform path separator), may be null
     * @param timeoutMillis the timeout per request, in milliseconds
     * @return the implementation; the child JVM starts at the first call
     */
    public static ProtocolImplementation javaClass(String className, String classpath, long timeoutMillis) {
        return new ProtocolImplementation(
                new ProtocolClient(ProtocolServer.command(className, classpath), "java:" + className, timeoutMillis));
    }

    @Override
    public String name() {
        return client.name();
    }

    @Override
    public Set<Capability> capabilities() {
        return client.capabilities();
    }

    @Override
    public Options options() {
        return client.options();
    }

    @Override
    public void close() {
        client.close();
    }

    @Override
    public java.util.Optional<String> lastCallInItsTerms() {
        return client.lastCallInItsTerms();
    }

    @Override
    public void beginCheck() {
        client.beginCheck();
    }

    private void declared(Capability c) {
        if (!capabilities().contains(c)) {
            throw new CapabilityNotImplementedException(name(), c);
        }
    }

    /**
     * One request: {@code values} are the operation's parameters, then its inputs, in the table's
     * order; the answer as the API's return type.
     */
    @SuppressWarnings({"unchecked", "TypeParameterUnusedInFormals"})
    private <R> R call(Operation op, Object... values) {
        Operation.Request request = op.request(values);
        Map<String, Tensor> outputs = client.call(op.wireName(), request.params(), request.inputs());
        return (R) op.result(outputs, faults, values);
    }

    @Override
    public ArrayOps arrays() {
        declared(Capability.ARRAYS);
        return new ArrayOps() {
            public Tensor add(Tensor a, Tensor b) {
                return call(Operation.ADD, a, b);
            }

            public Tensor subtract(Tensor a, Tensor b) {
                return call(Operation.SUBTRACT, a, b);
            }

            public Tensor multiply(Tensor a, Tensor b) {
                return call(Operation.MULTIPLY, a, b);
            }

            public Tensor divide(Tensor a, Tensor b) {
                return call(Operation.DIVIDE, a, b);
            }

            public Tensor maximum(Tensor a, Tensor b) {
                return call(Operation.MAXIMUM, a, b);
            }

            public Tensor greater(Tensor a, Tensor b) {
                return call(Operation.GREATER, a, b);
            }

            public Tensor exp(Tensor a) {
                return call(Operation.EXP, a);
            }

            public Tensor log(Tensor a) {
                return call(Operation.LOG, a);
            }

            public Tensor transpose(Tensor a) {
                return call(Operation.TRANSPOSE, a);
            }

            public Tensor dot(Tensor a, Tensor b) {
                return call(Operation.DOT, a, b);
            }

            public Tensor sum(Tensor a, Integer axis, boolean keepdims) {
                return call(Operation.SUM, axis, keepdims, a);
            }

            public Tensor reshape(Tensor a, int... dims) {
                return call(Operation.RESHAPE, dims, a);
            }
        };
    }

    @Override
    public Activations activations() {
        declared(Capability.ACTIVATIONS);
        return new Activations() {
            public Tensor apply(Activation g, Tensor z) {
                return call(Operation.ACTIVATION, g, z);
            }

            public Tensor derivative(Activation g, Tensor z) {
                return call(Operation.ACTIVATION_DERIVATIVE, g, z);
            }

            public Tensor maxout(Tensor pieces) {
                return call(Operation.MAXOUT, pieces);
            }

            public Tensor maxoutDerivative(Tensor pieces) {
                return call(Operation.MAXOUT_DERIVATIVE, pieces);
            }
        };
    }

    @Override
    public Loss loss() {
        declared(Capability.LOSS);
        return new Loss() {
            public Tensor loss(Tensor yHat, Tensor y) {
                return call(Operation.LOSS, yHat, y);
            }

            public Tensor lossFromLogits(Tensor z, Tensor y) {
                return call(Operation.LOSS_FROM_LOGITS, z, y);
            }

            public double cost(Tensor yHat, Tensor y) {
                return ProtocolImplementation.this.<Double>call(Operation.COST, yHat, y);
            }

            public double costFromLogits(Tensor z, Tensor y) {
                return ProtocolImplementation.this.<Double>call(Operation.COST_FROM_LOGITS, z, y);
            }
        };
    }

    @Override
    public LogisticRegression logisticRegression() {
        declared(Capability.LOGISTIC_REGRESSION);
        return new LogisticRegression() {
            public Tensor forward(LogisticParameters p, Tensor x) {
                return call(Operation.LR_FORWARD, p, x);
            }

            public double cost(LogisticParameters p, Tensor x, Tensor y) {
                return ProtocolImplementation.this.<Double>call(Operation.LR_COST, p, x, y);
            }

            public LogisticGradients backward(LogisticParameters p, Tensor x, Tensor y) {
                return call(Operation.LR_BACKWARD, p, x, y);
            }

            public LogisticParameters step(LogisticParameters p, LogisticGradients g, double rate) {
                return call(Operation.LR_STEP, rate, p, g);
            }

            public Training<LogisticParameters> train(LogisticParameters p, Tensor x, Tensor y, double rate, int k) {
                return call(Operation.LR_TRAIN, rate, k, p, x, y);
            }
        };
    }

    @Override
    public TwoLayerNetwork twoLayerNetwork() {
        declared(Capability.TWO_LAYER_NETWORK);
        return new TwoLayerNetwork() {
            public NetworkParameters initialize(LayerSizes s, Initialization init) {
                return call(Operation.NET_INITIALIZE, s, init);
            }

            public ForwardCache forward(NetworkParameters p, Tensor x, Activation g) {
                return call(Operation.NET_FORWARD, g, p, x);
            }

            public double cost(NetworkParameters p, Tensor x, Tensor y, Activation g) {
                return ProtocolImplementation.this.<Double>call(Operation.NET_COST, g, p, x, y);
            }

            public NetworkGradients backward(NetworkParameters p, ForwardCache c, Tensor x, Tensor y, Activation g) {
                return call(Operation.NET_BACKWARD, g, p, x, y, c);
            }

            public NetworkParameters step(NetworkParameters p, NetworkGradients g, double rate) {
                return call(Operation.NET_STEP, rate, p, g);
            }

            public Training<NetworkParameters> train(
                    NetworkParameters p, Tensor x, Tensor y, Activation g, double rate, int k) {
                return call(Operation.NET_TRAIN, g, rate, k, p, x, y);
            }

            @Override
            public AffineMap collapse(NetworkParameters p) {
                return call(Operation.NET_COLLAPSE, p);
            }
        };
    }

    @Override
    public DeepNetwork deepNetwork() {
        declared(Capability.DEEP_NETWORK);
        return new DeepNetwork() {
            public DeepParameters initialize(int[] sizes, Initialization init) {
                return call(Operation.DEEP_INITIALIZE, sizes, init);
            }

            public DeepCache forward(DeepParameters p, Tensor x, Activation g) {
                return call(Operation.DEEP_FORWARD, g, p, x);
            }

            public double cost(DeepParameters p, Tensor x, Tensor y, Activation g) {
                return ProtocolImplementation.this.<Double>call(Operation.DEEP_COST, g, p, x, y);
            }

            public DeepGradients backward(DeepParameters p, DeepCache c, Tensor x, Tensor y, Activation g) {
                return call(Operation.DEEP_BACKWARD, g, p, x, y, c);
            }

            public DeepParameters step(DeepParameters p, DeepGradients g, double rate) {
                return call(Operation.DEEP_STEP, rate, p, g);
            }

            public Training<DeepParameters> train(
                    DeepParameters p, Tensor x, Tensor y, Activation g, double rate, int k) {
                return call(Operation.DEEP_TRAIN, g, rate, k, p, x, y);
            }
        };
    }
}
