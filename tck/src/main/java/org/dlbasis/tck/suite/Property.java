package org.dlbasis.tck.suite;

import java.lang.reflect.Method;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.dlbasis.spec.Clause;
import org.dlbasis.spec.api.Capability;
import org.dlbasis.spec.clause.Strength;

/**
 * One property: a method {@code void required_BCAST3_…(Context)} of a property group, with the
 * clauses it names and the capabilities it needs. The name's prefix is its strength:
 * {@code required_} (MUST), {@code optional_} (SHOULD), {@code informative_} (INFORMATIVE).
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
        return new Property(m.getName(), strengthOf(m.getName()), List.of(clause.value()), needs, m);
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
