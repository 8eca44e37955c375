package org.dlbasis.tck.suite;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.dlbasis.spec.Clause;
import org.dlbasis.spec.api.Capability;
import org.dlbasis.spec.clause.Strength;

/**
 * One property: a method {@code void required_BCAST3_…(Context)} of a property group, with the
 * clauses it names and the capabilities it needs. The name's prefix is its strength:
 * {@code required_} (MUST), {@code optional_} (SHOULD), {@code informative_} (INFORMATIVE).
 *
 * <p>Built only through {@link #of}, which checks what is written twice: every {@code @Clause} ID
 * is a clause of SPEC.md ({@link ClauseId}); the IDs the name spells after its prefix
 * ({@code required_BACKPROP1_3_…} is BACKPROP-1 and BACKPROP-3) are among them, the first one
 * first; and every clause the property can blame ({@link BlameScan}) is one it names. A property
 * that breaks one of these stops the catalog from being built.
 *
 * @param name the method name
 * @param strength MUST, SHOULD or INFORMATIVE, from the prefix
 * @param clauses the clause IDs from {@link Clause}
 * @param needs the capabilities from {@link Requires} (method, else class)
 * @param method the method to invoke on a fresh instance of its class
 */
public record Property(String name, Strength strength, List<String> clauses, Set<Capability> needs, Method method) {

    /**
     * The property a method defines, or null if it is not one.
     *
     * @param m a method of a property group
     * @return the property, or null if {@code m} has no {@link Clause} or does not take one {@link Context}
     * @throws IllegalStateException if its name, its {@code @Clause} and its blames disagree
     */
    public static Property of(Method m) {
        Clause clause = m.getAnnotation(Clause.class);
        if (clause == null || m.getParameterCount() != 1 || m.getParameterTypes()[0] != Context.class) {
            return null;
        }
        Requires requires = m.isAnnotationPresent(Requires.class)
                ? m.getAnnotation(Requires.class)
                : m.getDeclaringClass().getAnnotation(Requires.class);
        Set<Capability> needs = EnumSet.noneOf(Capability.class);
        if (requires != null) {
            needs.addAll(List.of(requires.value()));
        }
        Strength strength = strengthOf(m.getName());
        List<String> clauses = List.of(clause.value());
        String where = m.getDeclaringClass().getSimpleName() + "." + m.getName();
        requireClausesOfTheSpec(where, clauses);
        requireNameMatches(where, m.getName().substring(strength.prefix().length()), clauses);
        requireBlamesNamed(where, BlameScan.of(m.getDeclaringClass(), m.getName()), clauses);
        return new Property(m.getName(), strength, clauses, needs, m);
    }

    private static void requireClausesOfTheSpec(String where, List<String> clauses) {
        if (clauses.isEmpty()) {
            throw new IllegalStateException(where + ": @Clause names no clause");
        }
        for (String id : clauses) {
            try {
                ClauseId.of(id);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(where + ": @Clause " + e.getMessage(), e);
            }
        }
    }

    /**
     * The name's IDs: the tokens before the first that starts in lower case, each a family and a
     * number ({@code BACKPROP1}, {@code ACT10}) or a number of the family before ({@code 3} in
     * {@code BACKPROP1_3}); a family that ends in a digit is followed by its number
     * ({@code RANK1_1}). The families are those of the property's own clauses.
     */
    static List<String> idsInName(String rest, List<String> clauses) {
        Set<String> families = new TreeSet<>();
        clauses.forEach(id -> families.add(id.substring(0, id.lastIndexOf('-'))));
        List<String> ids = new ArrayList<>();
        String family = null;
        for (String token : rest.split("_")) {
            if (token.isEmpty() || Character.isLowerCase(token.charAt(0))) {
                break;
            }
            if (token.chars().allMatch(Character::isDigit)) {
                if (family == null) {
                    return null;
                }
                ids.add(family + "-" + token);
                continue;
            }
            family = longestPrefix(token, families);
            if (family == null) {
                return null;
            }
            if (token.length() > family.length()) {
                ids.add(family + "-" + token.substring(family.length()));
            }
        }
        return ids;
    }

    private static String longestPrefix(String token, Set<String> families) {
        String best = null;
        for (String f : families) {
            if (token.startsWith(f) && (best == null || f.length() > best.length())) {
                best = f;
            }
        }
        return best;
    }

    private static void requireNameMatches(String where, String rest, List<String> clauses) {
        List<String> ids = idsInName(rest, clauses);
        if (ids == null || ids.isEmpty() || !ids.get(0).equals(clauses.get(0)) || !clauses.containsAll(ids)) {
            throw new IllegalStateException(where + ": the name says "
                    + (ids == null || ids.isEmpty() ? "no clause of " + clauses : ids) + ", but @Clause says " + clauses
                    + " (the name's IDs must be among them, its first first)");
        }
    }

    private static void requireBlamesNamed(String where, Set<ClauseId> blames, List<String> clauses) {
        List<String> stray = blames.stream()
                .map(ClauseId::id)
                .filter(id -> !clauses.contains(id))
                .toList();
        if (!stray.isEmpty()) {
            throw new IllegalStateException(where + " blames " + stray + ", which its @Clause " + clauses
                    + " does not name: a failure blamed on them would count against no clause");
        }
    }

    private static Strength strengthOf(String name) {
        try {
            return Strength.ofProperty(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /**
     * The group (class) the property belongs to.
     *
     * @return the simple name of the declaring class, such as {@code ArrayProperties}
     */
    public String group() {
        return method.getDeclaringClass().getSimpleName();
    }
}
