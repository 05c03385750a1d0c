package io.deform4j.cli;

import io.deform4j.report.Range;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads {@code LO:HI} (spaces allowed around each number, e.g. {@code -10:10}, {@code 0:5},
 * {@code -0.5:1.5}) into a {@link Range}: the one parser of every {@code --range} option. Bad input
 * is a {@link TypeConversionException}, which picocli reports as
 * {@code Invalid value for option '--range': expected LO:HI …} with exit status 2.
 */
public final class RangeConverter implements ITypeConverter<Range> {

    @Override
    public Range convert(String text) {
        return parse(text);
    }

    /**
     * {@code text} as a range.
     *
     * @throws TypeConversionException unless text is two finite numbers LO &lt; HI joined by a colon
     */
    static Range parse(String text) {
        String[] parts = text.split(":", -1);
        if (parts.length == 2) {
            try {
                return new Range(Double.parseDouble(parts[0].strip()), Double.parseDouble(parts[1].strip()));
            } catch (NumberFormatException e) {
                // reported below with the expected form
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage() + " ('" + text + "')");
            }
        }
        throw new TypeConversionException("expected LO:HI with two numbers, e.g. 0:5, got '" + text + "'");
    }
}
