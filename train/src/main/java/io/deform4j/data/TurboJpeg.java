package io.deform4j.data;

import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * JPEG decoding with libjpeg-turbo through its own Java binding (TurboJPEG), about three times
 * faster than the JDK's ImageIO (BENCHMARKS.md). The binding is not on Maven Central: it is found
 * on the class path or at Debian's place {@value #DEBIAN_JAR} ({@code apt-get install
 * libturbojpeg-java libturbojpeg0-dev}: the binding loads {@code libturbojpeg.so}, which the
 * {@code -dev} package links), and called through method handles, so the build needs nothing.
 * Thread-safe: each call uses its own decompressor.
 */
final class TurboJpeg {

    /** Where Debian's {@code libturbojpeg-java} installs the binding. */
    static final String DEBIAN_JAR = "/usr/share/java/turbojpeg.jar";

    private static final String PACKAGE = "org.libjpegturbo.turbojpeg.";
    private static final int PF_RGB = 0;
    private static final int PF_CMYK = 11;
    private static final int CS_CMYK = 3;
    private static final int CS_YCCK = 4;
    private static final int ERR_WARNING = 0;

    private static final Lookup LOOKUP = lookup();

    private final MethodHandle create;
    private final MethodHandle setSource;
    private final MethodHandle width;
    private final MethodHandle height;
    private final MethodHandle colorspace;
    private final MethodHandle decompress;
    private final MethodHandle close;
    private final MethodHandle errorCode;
    private final Class<?> exceptionType;

    private TurboJpeg(ClassLoader loader) throws Throwable {
        Class<?> type = Class.forName(PACKAGE + "TJDecompressor", true, loader);
        exceptionType = Class.forName(PACKAGE + "TJException", true, loader);
        MethodHandles.Lookup l = MethodHandles.publicLookup();
        create = l.findConstructor(type, MethodType.methodType(void.class));
        setSource = l.findVirtual(type, "setSourceImage", MethodType.methodType(void.class, byte[].class, int.class));
        width = l.findVirtual(type, "getWidth", MethodType.methodType(int.class));
        height = l.findVirtual(type, "getHeight", MethodType.methodType(int.class));
        colorspace = l.findVirtual(type, "getColorspace", MethodType.methodType(int.class));
        decompress = l.findVirtual(type, "decompress", MethodType.methodType(void.class, byte[].class, int.class,
                int.class, int.class, int.class, int.class, int.class, int.class));
        close = l.findVirtual(type, "close", MethodType.methodType(void.class));
        errorCode = l.findVirtual(exceptionType, "getErrorCode", MethodType.methodType(int.class));
        // Loads the native library now, so that a missing one shows here and not at the first image.
        Object probe = create.invoke();
        close.invoke(probe);
    }

    /** The binding, or {@code null} if it is not installed; {@link #unavailableReason()} says why. */
    static TurboJpeg instance() {
        return LOOKUP.turbo;
    }

    /** Why {@link #instance()} is {@code null}, or {@code null} if it is not. */
    static String unavailableReason() {
        return LOOKUP.reason;
    }

    /**
     * Decodes a JPEG into RGB. Greyscale JPEGs are repeated over the channels, CMYK and YCCK ones
     * converted as Pillow converts Adobe CMYK ({@link JpegColour}). libjpeg's warnings (e.g. extraneous
     * bytes before a marker, which some ImageNet files have) keep the decoded picture, as Pillow does.
     *
     * @throws DataFormatException if the data is not a JPEG that libjpeg-turbo can decode
     */
    Picture decode(byte[] jpeg, Path file) {
        try {
            Object d = create.invoke();
            try {
                setSource.invoke(d, jpeg, jpeg.length);
                int w = (int) width.invoke(d);
                int h = (int) height.invoke(d);
                int cs = (int) colorspace.invoke(d);
                boolean cmyk = cs == CS_CMYK || cs == CS_YCCK;
                byte[] out = new byte[Math.multiplyExact(Math.multiplyExact(w, h), cmyk ? 4 : 3)];
                try {
                    decompress.invoke(d, out, 0, 0, w, 0, h, cmyk ? PF_CMYK : PF_RGB, 0);
                } catch (Throwable e) {
                    if (!isWarning(e)) {
                        throw e;
                    }
                }
                return cmyk ? JpegColour.cmykToRgb(out, h, w) : new Picture(out, h, w);
            } finally {
                close.invoke(d);
            }
        } catch (DataFormatException | Error e) {
            throw e;
        } catch (Throwable e) {
            // TJException for bad data, IllegalStateException when no header could be read.
            throw new DataFormatException(file + ": cannot decode JPEG: " + e.getMessage());
        }
    }

    private boolean isWarning(Throwable e) throws Throwable {
        return exceptionType.isInstance(e) && (int) errorCode.invoke(e) == ERR_WARNING;
    }

    private record Lookup(TurboJpeg turbo, String reason) {
    }

    private static Lookup lookup() {
        try {
            return new Lookup(new TurboJpeg(loader()), null);
        } catch (ClassNotFoundException e) {
            return new Lookup(null, "the TurboJPEG Java binding is not installed (Debian: apt-get install "
                    + "libturbojpeg-java libturbojpeg0-dev)");
        } catch (LinkageError e) {
            return new Lookup(null, "the TurboJPEG native library did not load (" + e.getMessage()
                    + "; Debian: apt-get install libturbojpeg0-dev)");
        } catch (Throwable e) {
            return new Lookup(null, "the TurboJPEG binding failed: " + e);
        }
    }

    /** The class path's loader if it has the binding, else one over Debian's jar if that exists. */
    private static ClassLoader loader() throws ClassNotFoundException, IOException {
        ClassLoader own = TurboJpeg.class.getClassLoader();
        try {
            Class.forName(PACKAGE + "TJDecompressor", false, own);
            return own;
        } catch (ClassNotFoundException e) {
            Path jar = Path.of(DEBIAN_JAR);
            if (!Files.isRegularFile(jar)) {
                throw e;
            }
            return new URLClassLoader(new URL[] {jar.toUri().toURL()}, own);
        }
    }
}
