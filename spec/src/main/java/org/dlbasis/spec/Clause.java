package org.dlbasis.spec;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the SPEC.md clauses a test or property checks, e.g. {@code @Clause({"BCAST-1", "BCAST-3"})}.
 * The build fails if a named clause does not exist in SPEC.md, or if a clause is named by no test
 * and not listed as pending (SPEC "Pending clauses").
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE, ElementType.FIELD})
public @interface Clause {
    /**
     * The clauses checked.
     *
     * @return clause IDs such as {@code "ACT-6"}
     */
    String[] value();
}
