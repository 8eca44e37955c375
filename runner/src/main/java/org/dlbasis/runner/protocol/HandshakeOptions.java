package org.dlbasis.runner.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;
import org.dlbasis.spec.api.Activation;
import org.dlbasis.spec.api.Options;
import org.dlbasis.wire.Json;

/**
 * The handshake's {@code "options"} (spec/PROTOCOL.md, SPEC API-2), both ways:
 * {@code {"activations": ["tanh"], "max_output_units": 1, "init_scale": 0.01, "init_seed": false,
 * "step": false, "validation": false}}. Every field is optional and defaults to "everything";
 * anything else (an unknown field, a wrong type, an unknown activation) is a protocol error.
 */
final class HandshakeOptions {
    private static final List<String> FIELDS = List.of(
            "activations", "deep_activations", "max_output_units", "init_scale", "init_seed", "step", "validation");

    private HandshakeOptions() {}

    /**
     * The options an {@code "options"} node declares; {@link Options#all()} if it is absent.
     *
     * @throws IllegalArgumentException naming the field that is wrong and what was found
     */
    static Options decode(JsonNode node) {
        Options all = Options.all();
        if (node == null || node.isNull()) {
            return all;
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException("\"options\" must be an object, found " + node);
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!FIELDS.contains(f)) {
                throw new IllegalArgumentException("unknown option \"" + f + "\"; known: " + FIELDS);
            }
        }
        Set<Activation.Kind> activations = activations(node.get("activations"), all.activations(), "activations");
        return new Options(
                activations,
                maxOutputUnits(node.get("max_output_units")),
                initScale(node.get("init_scale")),
                flag(node, "init_seed"),
                flag(node, "step"),
                flag(node, "validation"),
                activations(node.get("deep_activations"), activations, "deep_activations"));
    }

    private static Set<Activation.Kind> activations(JsonNode n, Set<Activation.Kind> absent, String field) {
        if (n == null) {
            return absent;
        }
        if (!n.isArray()) {
            throw new IllegalArgumentException("\"options." + field + "\" must be a list of names, found " + n);
        }
        Set<Activation.Kind> kinds = EnumSet.noneOf(Activation.Kind.class);
        for (JsonNode k : n) {
            kinds.add(kind(k));
        }
        return kinds;
    }

    private static Activation.Kind kind(JsonNode k) {
        return Activation.Kind.fromWireName(k.isTextual() ? k.asText() : null)
                .orElseThrow(() -> new IllegalArgumentException("unknown activation " + k
                        + " in \"options.activations\"; known: " + Activation.Kind.wireNames()));
    }

    private static int maxOutputUnits(JsonNode n) {
        if (n == null || n.isNull()) {
            return Integer.MAX_VALUE;
        }
        if (!n.canConvertToInt() || !n.isIntegralNumber() || n.intValue() < 1) {
            throw new IllegalArgumentException("\"options.max_output_units\" must be an integer >= 1, found " + n);
        }
        return n.intValue();
    }

    private static OptionalDouble initScale(JsonNode n) {
        if (n == null || n.isNull()) {
            return OptionalDouble.empty();
        }
        if (!n.isNumber() || !Double.isFinite(n.doubleValue()) || n.doubleValue() < 0) {
            throw new IllegalArgumentException(
                    "\"options.init_scale\" must be a finite number >= 0 or null, found " + n);
        }
        return OptionalDouble.of(n.doubleValue());
    }

    private static boolean flag(JsonNode node, String field) {
        JsonNode n = node.get(field);
        if (n == null) {
            return true;
        }
        if (!n.isBoolean()) {
            throw new IllegalArgumentException("\"options." + field + "\" must be true or false, found " + n);
        }
        return n.booleanValue();
    }

    /** The {@code "options"} node for {@code o}, or null when it declares everything (the field is then left out). */
    static ObjectNode encode(Options o) {
        if (o.isAll()) {
            return null;
        }
        ObjectNode node = Json.MAPPER.createObjectNode();
        var acts = node.putArray("activations");
        for (Activation.Kind k : Activation.Kind.values()) {
            if (o.declares(k)) {
                acts.add(k.wireName());
            }
        }
        if (o.maxOutputUnits() != Integer.MAX_VALUE) {
            node.put("max_output_units", o.maxOutputUnits());
        }
        o.fixedInitScale().ifPresent(s -> node.put("init_scale", s));
        node.put("init_seed", o.initSeed());
        node.put("step", o.step());
        node.put("validation", o.validation());
        if (!o.deepActivations().equals(o.activations())) {
            var deep = node.putArray("deep_activations");
            o.deepActivations().stream().sorted().forEach(k -> deep.add(k.wireName()));
        }
        return node;
    }
}
