package org.dlbasis.runner.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.dlbasis.spec.api.Activation;
import org.dlbasis.spec.api.Options;
import org.dlbasis.wire.Json;
import org.junit.jupiter.api.Test;

/** The handshake's options both ways, with the deep network's own activations (SPEC API-2). */
class HandshakeOptionsTest {

    private static Options decode(String json) throws Exception {
        return HandshakeOptions.decode(Json.MAPPER.readTree(json));
    }

    @Test
    void theDeepNetworkMayDeclareActivationsOfItsOwn() throws Exception {
        Options o = decode("{\"activations\": [\"tanh\", \"relu\"], \"deep_activations\": [\"relu\"], "
                + "\"validation\": false}");
        assertTrue(o.declares(Activation.Kind.TANH));
        assertTrue(o.declaresDeep(Activation.Kind.RELU));
        assertFalse(o.declaresDeep(Activation.Kind.TANH));
        assertEquals("activations tanh, relu; deep network activations relu; no input validation", o.describe());
        assertEquals(o, HandshakeOptions.decode(HandshakeOptions.encode(o)));
    }

    @Test
    void withoutDeepActivationsTheDeepNetworkTakesTheOthers() throws Exception {
        Options o = decode("{\"activations\": [\"tanh\"]}");
        assertTrue(o.declaresDeep(Activation.Kind.TANH));
        assertFalse(o.declaresDeep(Activation.Kind.RELU));
        assertEquals(Options.all(), decode("null"));
    }

    @Test
    void anUnknownDeepActivationIsAProtocolError() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> decode("{\"deep_activations\": [\"swish\"]}"));
        assertTrue(e.getMessage().contains("unknown activation \"swish\""), e.getMessage());
    }
}
