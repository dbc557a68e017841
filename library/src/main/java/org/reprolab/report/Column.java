package org.reprolab.report;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The header of a record component's column in {@link Tables#of}, where the component's name, split at its
 * capitals ({@code meanAccuracy} → "mean accuracy"), does not say it (units, symbols).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Column {
    /** The column header. */
    String value();
}
