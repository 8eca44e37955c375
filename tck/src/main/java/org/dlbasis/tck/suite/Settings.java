package org.dlbasis.tck.suite;

/**
 * How a run explores: the seed that makes it reproducible and the number of examples per
 * property. Defaults come from the system properties {@code dlbasis.seed} and
 * {@code dlbasis.examples}.
 *
 * @param seed the QuickTheories seed; every failure prints it
 * @param examples examples per property (properties over expensive models use a tenth, at least 5)
 * @param budgetMillis the wall time one property may take; beyond it, the property is an ERROR
 *     that names what was running, and the run goes on
 */
public record Settings(long seed, int examples, long budgetMillis) {

    /** The seed when {@code dlbasis.seed} is not set. */
    public static final long DEFAULT_SEED = 20261130L;
    /** The examples per property when {@code dlbasis.examples} is not set. */
    public static final int DEFAULT_EXAMPLES = 100;
    /** The default time budget per property: two minutes. */
    public static final long DEFAULT_BUDGET_MILLIS = 120_000;

    /**
     * Checks the values.
     *
     * @param seed the QuickTheories seed
     * @param examples examples per property, at least 1
     * @param budgetMillis the wall time one property may take, at least 1 ms
     * @throws IllegalArgumentException if {@code examples} or {@code budgetMillis} is less than 1
     */
    public Settings {
        if (examples < 1) {
            throw new IllegalArgumentException("examples must be >= 1, found " + examples);
        }
        if (budgetMillis < 1) {
            throw new IllegalArgumentException("the time budget must be >= 1 ms, found " + budgetMillis);
        }
    }

    /**
     * With the default time budget per property.
     *
     * @param seed the QuickTheories seed
     * @param examples examples per property, at least 1
     */
    public Settings(long seed, int examples) {
        this(seed, examples, DEFAULT_BUDGET_MILLIS);
    }

    /**
     * From {@code -Ddlbasis.seed=…} and {@code -Ddlbasis.examples=…}, else the defaults.
     *
     * @return the settings, with the default time budget
     */
    public static Settings fromSystemProperties() {
        return new Settings(
                Long.getLong("dlbasis.seed", DEFAULT_SEED), Integer.getInteger("dlbasis.examples", DEFAULT_EXAMPLES));
    }

    /**
     * Examples for properties that train models: a tenth, at least 5.
     *
     * @return {@code max(5, examples / 10)}
     */
    public int modelExamples() {
        return Math.max(5, examples / 10);
    }
}
