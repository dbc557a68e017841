package org.reprolab.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/** Reads IDX files (the MNIST format: magic, dimensions, unsigned bytes), plain or gzip-compressed. */
public final class Idx {

    private Idx() {}

    /**
     * An unsigned-byte IDX tensor.
     *
     * @param dims dimensions, e.g. {@code [60000, 28, 28]}
     * @param data values 0..255, row-major
     */
    public record Tensor(int[] dims, byte[] data) {

        /** Number of items (the first dimension). */
        public int count() {
            return dims[0];
        }

        /** Values per item (product of the other dimensions). */
        public int itemSize() {
            int s = 1;
            for (int i = 1; i < dims.length; i++) {
                s *= dims[i];
            }
            return s;
        }
    }

    /** Reads {@code file}; errors name the file and what is wrong with it. */
    public static Tensor read(Path file) {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            raw.mark(2);
            int b0 = raw.read();
            int b1 = raw.read();
            raw.reset();
            InputStream in = b0 == 0x1f && b1 == 0x8b ? new GZIPInputStream(raw, 1 << 16) : raw;
            DataInputStream d = new DataInputStream(in);
            int magic = d.readInt();
            if ((magic >>> 16) != 0 || ((magic >>> 8) & 0xff) != 0x08) {
                throw new DatasetException("dataset file " + file + " is not an unsigned-byte IDX file (magic 0x"
                        + Integer.toHexString(magic) + ")");
            }
            int nd = magic & 0xff;
            if (nd < 1 || nd > 4) {
                throw new DatasetException("dataset file " + file + " has " + nd + " dimensions; expected 1 to 4");
            }
            int[] dims = new int[nd];
            long total = 1;
            for (int i = 0; i < nd; i++) {
                dims[i] = d.readInt();
                total *= dims[i];
            }
            if (total < 0 || total > Integer.MAX_VALUE - 8) {
                throw new DatasetException("dataset file " + file + " declares an impossible size " + total);
            }
            byte[] data = new byte[(int) total];
            d.readFully(data);
            return new Tensor(dims, data);
        } catch (EOFException e) {
            throw new DatasetException("dataset file " + file + " is truncated");
        } catch (IOException e) {
            throw new DatasetException("cannot read dataset file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Images and labels as a dataset with features scaled to [0, 1]. */
    static LabeledData toDataset(String name, Tensor images, Tensor labels, java.util.List<String> classNames) {
        if (images.count() != labels.count()) {
            throw new DatasetException(name + ": " + images.count() + " images but " + labels.count() + " labels");
        }
        int n = images.count();
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = labels.data()[i] & 0xff;
        }
        return LabeledData.ofBytes(name, images.data(), y, images.itemSize(), classNames);
    }
}
