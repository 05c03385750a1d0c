package io.deform4j.data;

import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * An {@link ImageDataset} of image files, decoded on access ({@link ImageDecoder}). Each file is
 * a {@link #picture(int)} at its own size; {@link #image(int)} is its fixed-size view, made by a
 * deterministic resizing augmentation ({@code view}): for {@link ImageFolder} the shorter side
 * resized to the stored size and a centred square crop, for {@link ImageNet} torchvision's
 * Resize(256) + CenterCrop(224). Views are kept when the whole set fits the cache budget, so later
 * epochs read memory; pictures are never kept. Safe for concurrent readers.
 */
public final class FolderDataset extends AbstractImageDataset {

    private final List<Path> files;
    private final Augmentation view;
    private final AtomicReferenceArray<byte[]> cache;

    FolderDataset(List<Path> files, int[] labels, List<String> classNames, Augmentation view, boolean cached) {
        super(labels, classNames, Picture.CHANNELS, view.cropSize(), view.cropSize());
        if (files.size() != labels.length) {
            throw new IllegalArgumentException(files.size() + " files but " + labels.length + " labels");
        }
        if (!view.scales() || view.isRandom()) {
            throw new IllegalArgumentException("the view of a picture must be a deterministic resizing, got " + view);
        }
        this.files = List.copyOf(files);
        this.view = view;
        this.cache = cached ? new AtomicReferenceArray<>(files.size()) : null;
    }

    /** The file of example {@code index}. */
    public Path file(int index) {
        return files.get(index);
    }

    /**
     * The decoded file.
     *
     * @throws DataFormatException if the file cannot be read or decoded; the message names it
     */
    @Override
    public Picture picture(int index) {
        return ImageDecoder.decode(files.get(index));
    }

    /**
     * The fixed-size view of the decoded file.
     *
     * @throws DataFormatException if the file cannot be read or decoded; the message names it
     */
    @Override
    public byte[] image(int index) {
        if (cache == null) {
            return viewOf(picture(index));
        }
        byte[] image = cache.get(index);
        if (image == null) {
            image = viewOf(picture(index));
            cache.set(index, image);
        }
        return image;
    }

    private byte[] viewOf(Picture picture) {
        return view.resize(picture.height(), picture.width(), new SplittableRandom(0)).apply(picture);
    }
}
