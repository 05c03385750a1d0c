/**
 * The {@code deform4j} command line (picocli): one small class per subcommand that parses its
 * options and hands off to the library; exit codes in {@link io.deform4j.cli.ExitCodes}.
 */
package io.deform4j.cli;
