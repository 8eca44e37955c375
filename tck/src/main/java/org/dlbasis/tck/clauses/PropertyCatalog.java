package org.dlbasis.tck.clauses;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.dlbasis.tck.suite.Property;

/**
 * Every property of the suite, group by group in the order of SPEC.md. It lives with the property
 * groups, so that the engine ({@code suite}) knows nothing of them: the arrow goes from the
 * clauses to the engine only.
 */
public final class PropertyCatalog {
    /** The property groups, one class per part of the spec. */
    public static final List<Class<?>> GROUPS = List.of(
            CapabilityAndErrorProperties.class,
            ArrayProperties.class,
            BroadcastProperties.class,
            Rank1Properties.class,
            ActivationProperties.class,
            LossProperties.class,
            LogisticRegressionProperties.class,
            GradientDescentProperties.class,
            VectorizationProperties.class,
            NetworkProperties.class,
            BackpropProperties.class,
            DimensionProperties.class,
            InitializationProperties.class,
            DeepNetworkProperties.class);

    private PropertyCatalog() {}

    /**
     * All properties, in group order, then by name.
     *
     * @return every property of {@link #GROUPS}
     */
    public static List<Property> all() {
        List<Property> all = new ArrayList<>();
        for (Class<?> group : GROUPS) {
            all.addAll(of(group));
        }
        return all;
    }

    /**
     * The properties of one group, sorted by name.
     *
     * @param group the group's class, such as {@link ArrayProperties}
     * @return its property methods
     */
    public static List<Property> of(Class<?> group) {
        List<Property> properties = new ArrayList<>();
        for (Method m : group.getDeclaredMethods()) {
            Property p = Property.of(m);
            if (p != null) {
                properties.add(p);
            }
        }
        properties.sort(Comparator.comparing(Property::name));
        return properties;
    }

    /**
     * The properties that name {@code clauseId}.
     *
     * @param clauseId a SPEC.md clause ID, such as {@code ARR-4}
     * @return the properties whose {@code @Clause} lists it, in {@link #all()}'s order; empty if none
     */
    public static List<Property> forClause(String clauseId) {
        return all().stream().filter(p -> p.clauses().contains(clauseId)).toList();
    }
}
