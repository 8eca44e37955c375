package org.dlbasis.tck.suite;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.dlbasis.spec.api.Capability;

/** The capabilities a property group (or one property) needs; undeclared ones make it "not implemented". */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Requires {
    /**
     * The capabilities needed.
     *
     * @return every capability the implementation must declare for the property to run
     */
    Capability[] value();
}
