package io.deform4j.expression;

/**
 * Input that does not parse. The message quotes the input and points at the offending position
 * with a caret, so the user sees where it went wrong.
 */
public class ParseException extends IllegalArgumentException {

    private final String input;
    private final int position;

    public ParseException(String input, int position, String problem) {
        super(problem + " at position " + (position + 1) + " of '" + input + "'\n  " + input + "\n  "
                + " ".repeat(Math.max(0, position)) + "^");
        this.input = input;
        this.position = position;
    }

    /** The text that failed to parse. */
    public String input() {
        return input;
    }

    /** Zero-based index of the offending character. */
    public int position() {
        return position;
    }
}
