package io.deform4j.settings;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares one component of a settings record as a setting: its help text, the label of its
 * value on the command line, and its default. The component's name gives the setting's name
 * (camelCase {@code batchSize} is {@code batch-size} on the command line and in YAML,
 * {@code batch_size} in JSON), its type gives the parsing, and the record's compact
 * constructor holds the validation: together, the one declaration from which the command-line
 * options, the YAML keys, the JSON record and the checks all follow ({@link SettingsSchema}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Setting {

    /** One sentence for {@code --help}, without the default (which is appended). */
    String help();

    /** The value's label in {@code --help}, e.g. {@code N} or {@code ETA}. */
    String label() default "VALUE";

    /** The default as it would be typed on the command line ({@code ""} for an empty string or list). */
    String defaultValue();

    /**
     * The value a record written before this setting existed implies, as typed on the command line;
     * {@link #SAME_AS_DEFAULT} when that is the default.
     */
    String whenAbsentFromRecord() default SAME_AS_DEFAULT;

    /** Marks {@link #whenAbsentFromRecord} as the default. */
    String SAME_AS_DEFAULT = "\0default";
}
