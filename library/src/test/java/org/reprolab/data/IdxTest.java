package org.reprolab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxTest {

    @TempDir
    Path dir;

    private static byte[] idx(int[] dims, byte[] data) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        DataOutputStream d = new DataOutputStream(b);
        d.writeInt(0x0800 | dims.length);
        for (int v : dims) {
            d.writeInt(v);
        }
        d.write(data);
        return b.toByteArray();
    }

    @Test
    void readsPlainAndGzippedFiles() throws IOException {
        byte[] bytes = idx(new int[] {2, 2, 2}, new byte[] {0, 1, 2, 3, 4, 5, 6, 7});
        Path plain = Files.write(dir.resolve("x-idx3-ubyte"), bytes);
        Path gz = dir.resolve("x-idx3-ubyte.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(bytes);
        }
        for (Path p : new Path[] {plain, gz}) {
            Idx.Tensor t = Idx.read(p);
            assertArrayEquals(new int[] {2, 2, 2}, t.dims());
            assertEquals(2, t.count());
            assertEquals(4, t.itemSize());
            assertEquals(7, t.data()[7]);
        }
    }

    @Test
    void truncatedFileNamesTheFile() throws IOException {
        byte[] bytes = idx(new int[] {3, 4}, new byte[5]);
        Path p = Files.write(dir.resolve("short-idx2-ubyte"), bytes);
        DatasetException e = assertThrows(DatasetException.class, () -> Idx.read(p));
        assertTrue(e.getMessage().contains(p.toString()) && e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void wrongMagicIsRejected() throws IOException {
        Path p = Files.write(dir.resolve("junk"), "hello, this is not idx".getBytes());
        DatasetException e = assertThrows(DatasetException.class, () -> Idx.read(p));
        assertTrue(e.getMessage().contains("not an unsigned-byte IDX file"), e.getMessage());
    }

    @Test
    void imagesAndLabelsBecomeAScaledDataset() throws IOException {
        Idx.Tensor images = new Idx.Tensor(new int[] {2, 1, 2}, new byte[] {0, (byte) 255, (byte) 51, 0});
        Idx.Tensor labels = new Idx.Tensor(new int[] {2}, new byte[] {1, 0});
        LabeledData d = Idx.toDataset("t", images, labels, LabeledData.numberedClasses(2));
        assertEquals(2, d.size());
        assertEquals(1f, d.feature(0, 1));
        assertEquals(0.2f, d.feature(1, 0), 1e-7);
        assertEquals(1, d.label(0));
    }
}
