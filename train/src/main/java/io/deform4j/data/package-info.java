/**
 * Data sets and the batch pipeline that feeds training.
 *
 * <p>Readers turn real formats into an {@link io.deform4j.data.ImageDataset} of raw 8-bit
 * {@code C×H×W} images: the official CIFAR-10/100 binary files ({@link io.deform4j.data.CifarBinary}),
 * IDX files as used by MNIST and Fashion-MNIST ({@link io.deform4j.data.Idx}), image folders in the
 * ImageNet layout ({@link io.deform4j.data.ImageFolder}), ImageNet itself
 * ({@link io.deform4j.data.ImageNet}: pictures of their own sizes, decoded per batch by
 * {@link io.deform4j.data.ImageDecoder}) and a small Fashion-MNIST sample shipped on the classpath
 * ({@link io.deform4j.data.BuiltInSample}). {@link io.deform4j.data.DataSources}
 * opens any of them by name and returns {@link io.deform4j.data.DataSplits} with the paper's
 * preprocessing ({@link io.deform4j.data.Preprocessing}).
 *
 * <p>{@link io.deform4j.data.BatchLoader} turns a data set into the epoch's
 * {@link io.deform4j.data.Batch}es: shuffling, augmentation ({@link io.deform4j.data.Augmentation},
 * pad-4 random crop and horizontal flip for CIFAR; torchvision's RandomResizedCrop, Resize and
 * CenterCrop with Pillow's bilinear filter for ImageNet) and per-channel normalisation
 * ({@link io.deform4j.data.Normalization}) run on host bytes in a small thread pool, a few batches
 * ahead of the consumer, and give the same batches for a given seed and epoch whatever the number
 * of threads.
 *
 * <p>Bad input (a missing folder, a truncated file, a label out of range) is reported with an
 * {@link java.lang.IllegalArgumentException} whose message names the file and what was expected;
 * most are a {@link io.deform4j.data.DataFormatException}.
 */
package io.deform4j.data;
