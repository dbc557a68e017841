package org.reprolab.kernel.execution;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps {@code System.exit} in a cell from ending the kernel. Every class compiled from a cell is loaded through
 * {@link #rewrite}, which points its calls of {@code java.lang.System.exit(int)} at {@link #exit(int)} instead:
 * the cell fails with {@link KernelExitException} and the kernel keeps serving.
 *
 * <p>Only the constant pool changes: the {@code Methodref} of {@code System.exit} gets a new class entry
 * (appended at the end of the pool), so no instruction, offset or stack map moves. Method references
 * ({@code System::exit}) go through the same {@code Methodref} and are redirected too.
 */
public final class ExitCalls {

    static final String GUARD = ExitCalls.class.getName().replace('.', '/');

    private ExitCalls() {}

    /** What a cell's {@code System.exit(status)} runs: refuses, with a message saying how to restart. */
    public static void exit(int status) {
        throw new KernelExitException("System.exit(" + status + ") was refused: it would stop the kernel. "
                + "Use Kernel > Restart to start a fresh JVM, or throw an exception to stop this cell.");
    }

    /** Thrown instead of exiting. */
    public static final class KernelExitException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        KernelExitException(String message) {
            super(message);
        }
    }

    /** The class file with its {@code System.exit} calls redirected; the input itself when it has none. */
    public static byte[] rewrite(byte[] classFile) {
        ConstantPool pool = ConstantPool.parse(classFile);
        int system = pool.classNamed("java/lang/System");
        if (system == 0) {
            return classFile;
        }
        List<Integer> exits = new ArrayList<>();
        for (int i = 1; i < pool.count; i++) {
            if (pool.tag[i] == ConstantPool.METHODREF && pool.ref1[i] == system
                    && pool.isNameAndType(pool.ref2[i], "exit", "(I)V")) {
                exits.add(i);
            }
        }
        if (exits.isEmpty()) {
            return classFile;
        }
        int utf8 = pool.count;
        int guardClass = pool.count + 1;
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(classFile.length + 64);
            DataOutputStream d = new DataOutputStream(out);
            d.write(classFile, 0, 8);
            d.writeShort(pool.count + 2);
            for (int i = 1; i < pool.count; i++) {
                if (pool.tag[i] == 0) {
                    continue; // second slot of a long or double
                }
                if (exits.contains(i)) {
                    d.writeByte(ConstantPool.METHODREF);
                    d.writeShort(guardClass);
                    d.writeShort(pool.ref2[i]);
                } else {
                    d.write(classFile, pool.start[i], pool.end[i] - pool.start[i]);
                }
            }
            d.writeByte(ConstantPool.UTF8);
            d.writeUTF(GUARD);
            d.writeByte(ConstantPool.CLASS);
            d.writeShort(utf8);
            d.write(classFile, pool.endOfPool, classFile.length - pool.endOfPool);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Just enough of a class file's constant pool to find and retarget one method reference. */
    static final class ConstantPool {
        static final int UTF8 = 1;
        static final int CLASS = 7;
        static final int METHODREF = 10;
        static final int NAME_AND_TYPE = 12;

        final int count;
        final int[] tag;
        final int[] start;
        final int[] end;
        final int[] ref1;
        final int[] ref2;
        final String[] utf8;
        int endOfPool;

        private ConstantPool(int count) {
            this.count = count;
            tag = new int[count];
            start = new int[count];
            end = new int[count];
            ref1 = new int[count];
            ref2 = new int[count];
            utf8 = new String[count];
        }

        static ConstantPool parse(byte[] b) {
            if (b.length < 10 || u4(b, 0) != 0xCAFEBABE) {
                throw new IllegalArgumentException("not a class file");
            }
            ConstantPool p = new ConstantPool(u2(b, 8));
            int pos = 10;
            for (int i = 1; i < p.count; i++) {
                int t = b[pos] & 0xFF;
                p.tag[i] = t;
                p.start[i] = pos;
                pos++;
                switch (t) {
                    case UTF8 -> {
                        int len = u2(b, pos);
                        p.utf8[i] = modifiedUtf8(b, pos + 2, len);
                        pos += 2 + len;
                    }
                    case 3, 4 -> pos += 4; // Integer, Float
                    case 5, 6 -> pos += 8; // Long, Double: two slots
                    case CLASS, 8, 16, 19, 20 -> {
                        p.ref1[i] = u2(b, pos);
                        pos += 2;
                    }
                    case 9, METHODREF, 11, NAME_AND_TYPE, 17, 18 -> {
                        p.ref1[i] = u2(b, pos);
                        p.ref2[i] = u2(b, pos + 2);
                        pos += 4;
                    }
                    case 15 -> pos += 3; // MethodHandle
                    default -> throw new IllegalArgumentException("unknown constant pool tag " + t + " at " + pos);
                }
                p.end[i] = pos;
                if (t == 5 || t == 6) {
                    i++; // the unusable slot keeps tag 0
                }
            }
            p.endOfPool = pos;
            return p;
        }

        int classNamed(String internalName) {
            for (int i = 1; i < count; i++) {
                if (tag[i] == CLASS && internalName.equals(utf8[ref1[i]])) {
                    return i;
                }
            }
            return 0;
        }

        boolean isNameAndType(int i, String name, String descriptor) {
            return tag[i] == NAME_AND_TYPE && name.equals(utf8[ref1[i]]) && descriptor.equals(utf8[ref2[i]]);
        }

        private static int u2(byte[] b, int pos) {
            return ((b[pos] & 0xFF) << 8) | (b[pos + 1] & 0xFF);
        }

        private static int u4(byte[] b, int pos) {
            return (u2(b, pos) << 16) | u2(b, pos + 2);
        }

        private static String modifiedUtf8(byte[] b, int pos, int len) {
            // Class, member and descriptor names we look for are ASCII; anything else only needs to not match.
            return new String(b, pos, len, StandardCharsets.UTF_8);
        }
    }
}
