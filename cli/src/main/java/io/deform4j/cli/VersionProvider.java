package io.deform4j.cli;

import picocli.CommandLine;

/** The version from the jar manifest (or "development" when run from classes). */
final class VersionProvider implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = Deform4j.class.getPackage().getImplementationVersion();
        return new String[] {"deform4j " + (version == null ? "development" : version)};
    }
}
