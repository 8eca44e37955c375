package org.dlbasis.spec.clause;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The clauses of SPEC.md, read from the copy packaged in this jar. A clause is a heading
 * {@code ### ID — STRENGTH — title} followed by a {@code Cites:} line; the section
 * {@code ## Pending clauses} lists {@code - ID: reason}.
 */
public final class SpecClauses {
    private static final Pattern HEADING = Pattern.compile("^### ([A-Z0-9]+-\\d+) — (MUST|SHOULD|INFORMATIVE) — (.+)$");
    private static final Pattern PENDING = Pattern.compile("^- ([A-Z0-9]+-\\d+): (.+)$");
    private static final Pattern CLAIM = Pattern.compile("\\bN\\d+\\b");

    private final Map<String, SpecClause> byId;

    private SpecClauses(Map<String, SpecClause> byId) {
        this.byId = Collections.unmodifiableMap(byId);
    }

    /**
     * The clauses of the SPEC.md packaged with the {@code spec} module.
     *
     * @return the clauses of the packaged SPEC.md
     * @throws IllegalStateException if SPEC.md is not on the classpath or is inconsistent
     */
    public static SpecClauses load() {
        try (InputStream in = SpecClauses.class.getResourceAsStream("/org/dlbasis/spec/SPEC.md")) {
            if (in == null) {
                throw new IllegalStateException("SPEC.md is not on the classpath at /org/dlbasis/spec/SPEC.md");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Parses SPEC.md text; fails on a duplicate ID or a pending entry naming no clause.
     *
     * @param markdown the text of a SPEC.md
     * @return its clauses
     * @throws IllegalStateException on a duplicate ID or a pending entry naming no clause
     */
    public static SpecClauses parse(String markdown) {
        Map<String, String[]> headings = new LinkedHashMap<>();
        Map<String, List<String>> cites = new LinkedHashMap<>();
        Map<String, String> pending = new LinkedHashMap<>();
        String current = null;
        boolean inPending = false;
        for (String line : markdown.split("\n")) {
            Matcher h = HEADING.matcher(line);
            if (line.startsWith("## ")) {
                inPending = line.startsWith("## Pending clauses");
                current = null;
            } else if (h.matches()) {
                current = h.group(1);
                if (headings.put(current, new String[] {h.group(2), h.group(3)}) != null) {
                    throw new IllegalStateException("SPEC.md defines clause " + current + " twice");
                }
                cites.put(current, new ArrayList<>());
            } else if (current != null && line.startsWith("Cites:")) {
                Matcher c = CLAIM.matcher(line);
                while (c.find()) {
                    cites.get(current).add(c.group());
                }
            } else if (inPending) {
                Matcher p = PENDING.matcher(line);
                if (p.matches()) {
                    pending.put(p.group(1), p.group(2));
                }
            }
        }
        Map<String, SpecClause> byId = new LinkedHashMap<>();
        headings.forEach((id, h) ->
                byId.put(id, new SpecClause(id, Strength.valueOf(h[0]), h[1], cites.get(id), pending.get(id))));
        for (String id : pending.keySet()) {
            if (!byId.containsKey(id)) {
                throw new IllegalStateException("SPEC.md lists " + id + " as pending, but defines no such clause");
            }
        }
        return new SpecClauses(byId);
    }

    /**
     * All clauses in document order.
     *
     * @return the clauses, unmodifiable
     */
    public List<SpecClause> all() {
        return List.copyOf(byId.values());
    }

    /**
     * The clause with this ID, or null.
     *
     * @param id a clause ID such as {@code BCAST-3}
     * @return the clause, or null if SPEC.md has none with that ID
     */
    public SpecClause get(String id) {
        return byId.get(id);
    }

    /**
     * Whether SPEC.md defines a clause with this ID.
     *
     * @param id a clause ID such as {@code BCAST-3}
     * @return true if it does
     */
    public boolean contains(String id) {
        return byId.containsKey(id);
    }
}
