package io.deform4j.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * Runs the command line in-process and captures what it prints. It calls {@link Deform4j#run},
 * the very method {@link Deform4j#main} hands to {@link System#exit} and that {@code bin/deform4j}
 * reaches through {@code java -jar deform4j.jar}: option parsing, the command, and the mapping of
 * exceptions to messages and exit codes ({@link ErrorReporter}) are the ones a user gets, so a
 * test of the built jar as a separate process would check nothing more.
 */
record CliRunner(int status, String out, String err) {

    /** Runs {@code deform4j COMMAND ARGS}. */
    static CliRunner command(String command, String... args) {
        String[] all = new String[args.length + 1];
        all[0] = command;
        System.arraycopy(args, 0, all, 1, args.length);
        return run(all);
    }

    static CliRunner run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Deform4j.run(new PrintWriter(out), new PrintWriter(err), args);
        return new CliRunner(status, out.toString(), err.toString());
    }
}
