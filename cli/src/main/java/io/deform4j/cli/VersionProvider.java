package io.deform4j.cli;

import io.deform4j.report.Software;
import picocli.CommandLine;

/** The version from the jar manifest (or "development" when run from classes). */
final class VersionProvider implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        return new String[] {"deform4j " + Software.deform4jVersion()};
    }
}
