package org.dlbasis.tck.suite;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The {@link ClauseId}s a property method can blame, read from its class file: every
 * {@code ClauseId.X} the method's code loads, and that of its lambdas and of the methods of its
 * own class it calls (a helper that picks ACT-6 for ReLU). {@link Property#of} checks them against
 * the property's {@code @Clause} when the catalog is built, so a blame of a clause the property
 * does not name fails the build rather than turning a FAIL into nothing.
 *
 * <p>A ClauseId passed in from elsewhere (a shared law's parameter) is the caller's: it is loaded
 * in the property that passes it. {@link Context#blame} checks again at run time.
 *
 * <p>The class file is read as JVMS §4 describes it: the constant pool, then each method's
 * {@code Code} attribute instruction by instruction. Lambdas are the synthetic methods javac names
 * {@code lambda$<enclosing method>$<n>}.
 */
final class BlameScan {
    private static final String CLAUSE_ID = ClauseId.class.getName().replace('.', '/');
    private static final Map<Class<?>, BlameScan> SCANNED = new HashMap<>();

    private final String owner;
    /** Method name + descriptor → its code. */
    private final Map<String, byte[]> code = new HashMap<>();

    private final Map<Integer, Object> pool = new HashMap<>();

    private BlameScan(Class<?> type) {
        owner = type.getName().replace('.', '/');
        String file = "/" + owner + ".class";
        try (InputStream in = type.getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException("cannot read " + file + " to check what its properties blame");
            }
            read(new DataInputStream(in));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file + ": " + e, e);
        }
    }

    /**
     * The clauses the method {@code name} of {@code type} (any descriptor) loads, with its lambdas and callees.
     *
     * @param type the property group
     * @param name the property's method name
     * @return every ClauseId constant reachable from it within its class
     */
    static synchronized Set<ClauseId> of(Class<?> type, String name) {
        return SCANNED.computeIfAbsent(type, BlameScan::new).reachable(name);
    }

    private Set<ClauseId> reachable(String name) {
        Set<ClauseId> found = EnumSet.noneOf(ClauseId.class);
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>();
        addMethodAndLambdas(name, todo);
        while (!todo.isEmpty()) {
            String method = todo.pop();
            if (seen.add(method) && code.containsKey(method)) {
                scan(code.get(method), found, todo);
            }
        }
        return found;
    }

    private void addMethodAndLambdas(String name, Deque<String> todo) {
        for (String m : code.keySet()) {
            String simple = m.substring(0, m.indexOf('('));
            if (simple.equals(name) || simple.startsWith("lambda$" + name + "$")) {
                todo.push(m);
            }
        }
    }

    /** One method's instructions: ClauseId loads into {@code found}, calls within the class into {@code todo}. */
    private void scan(byte[] c, Set<ClauseId> found, Deque<String> todo) {
        int pc = 0;
        while (pc < c.length) {
            int op = c[pc] & 0xff;
            if (op == 0xb2) { // getstatic
                String[] ref = (String[]) pool.get(u2(c, pc + 1));
                if (ref != null && ref[0].equals(CLAUSE_ID) && !ref[1].startsWith("$")) {
                    found.add(ClauseId.valueOf(ref[1]));
                }
            } else if (op == 0xb6 || op == 0xb7 || op == 0xb8) { // invokevirtual, invokespecial, invokestatic
                String[] ref = (String[]) pool.get(u2(c, pc + 1));
                if (ref != null && ref[0].equals(owner)) {
                    addMethodAndLambdas(ref[1], todo);
                    todo.push(ref[1] + ref[2]);
                }
            }
            pc += length(c, pc);
        }
    }

    /** The length of the instruction at {@code pc} (JVMS §6.5). */
    private static int length(byte[] c, int pc) {
        int op = c[pc] & 0xff;
        if (op == 0xaa) { // tableswitch
            int p = (pc + 4) & ~3;
            return p - pc + 12 + 4 * (s4(c, p + 8) - s4(c, p + 4) + 1);
        }
        if (op == 0xab) { // lookupswitch
            int p = (pc + 4) & ~3;
            return p - pc + 8 + 8 * s4(c, p + 4);
        }
        if (op == 0xc4) { // wide
            return (c[pc + 1] & 0xff) == 0x84 ? 6 : 4;
        }
        return FIXED[op];
    }

    private static final int[] FIXED = new int[256];

    static {
        java.util.Arrays.fill(FIXED, 1);
        for (int op : new int[] {0x10, 0x12, 0x15, 0x16, 0x17, 0x18, 0x19, 0x36, 0x37, 0x38, 0x39, 0x3a, 0xa9, 0xbc}) {
            FIXED[op] = 2;
        }
        for (int op = 0x99; op <= 0xa8; op++) {
            FIXED[op] = 3; // if…, goto, jsr
        }
        for (int op = 0xb2; op <= 0xb8; op++) {
            FIXED[op] = 3; // field access, invokevirtual … invokestatic
        }
        for (int op : new int[] {0x11, 0x13, 0x14, 0x84, 0xbb, 0xbd, 0xc0, 0xc1, 0xc6, 0xc7}) {
            FIXED[op] = 3;
        }
        FIXED[0xc5] = 4; // multianewarray
        for (int op : new int[] {0xb9, 0xba, 0xc8, 0xc9}) {
            FIXED[op] = 5; // invokeinterface, invokedynamic, goto_w, jsr_w
        }
    }

    private static int u2(byte[] c, int i) {
        return ((c[i] & 0xff) << 8) | (c[i + 1] & 0xff);
    }

    private static int s4(byte[] c, int i) {
        return (u2(c, i) << 16) | u2(c, i + 2);
    }

    private void read(DataInputStream in) throws IOException {
        in.readInt(); // magic
        in.readInt(); // minor, major
        int count = in.readUnsignedShort();
        Map<Integer, String> utf8 = new HashMap<>();
        Map<Integer, Integer> classes = new HashMap<>();
        Map<Integer, int[]> refs = new HashMap<>();
        Map<Integer, int[]> nameAndTypes = new HashMap<>();
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> utf8.put(i, in.readUTF());
                case 7 -> classes.put(i, in.readUnsignedShort());
                case 9, 10, 11 -> refs.put(i, new int[] {in.readUnsignedShort(), in.readUnsignedShort()});
                case 12 -> nameAndTypes.put(i, new int[] {in.readUnsignedShort(), in.readUnsignedShort()});
                case 3, 4, 17, 18 -> in.readInt();
                case 5, 6 -> {
                    in.readLong();
                    i++; // takes two entries
                }
                case 8, 16, 19, 20 -> in.readUnsignedShort();
                case 15 -> {
                    in.readUnsignedByte();
                    in.readUnsignedShort();
                }
                default -> throw new IOException("unknown constant pool tag " + tag + " at entry " + i);
            }
        }
        refs.forEach((i, r) -> {
            int[] nt = nameAndTypes.get(r[1]);
            pool.put(i, new String[] {utf8.get(classes.get(r[0])), utf8.get(nt[0]), utf8.get(nt[1])});
        });
        in.readUnsignedShort(); // access
        in.readUnsignedShort(); // this
        in.readUnsignedShort(); // super
        skip(in, 2 * in.readUnsignedShort()); // interfaces
        int fields = in.readUnsignedShort();
        for (int f = 0; f < fields; f++) {
            skip(in, 6);
            skipAttributes(in);
        }
        int methods = in.readUnsignedShort();
        for (int m = 0; m < methods; m++) {
            in.readUnsignedShort(); // access
            String name = utf8.get(in.readUnsignedShort()) + utf8.get(in.readUnsignedShort());
            int attributes = in.readUnsignedShort();
            for (int a = 0; a < attributes; a++) {
                String attribute = utf8.get(in.readUnsignedShort());
                int length = in.readInt();
                if (attribute.equals("Code")) {
                    skip(in, 4); // max_stack, max_locals
                    byte[] bytes = new byte[in.readInt()];
                    in.readFully(bytes);
                    code.put(name, bytes);
                    skip(in, length - 8 - bytes.length);
                } else {
                    skip(in, length);
                }
            }
        }
    }

    private static void skip(DataInputStream in, int n) throws IOException {
        in.readFully(new byte[n]);
    }

    private static void skipAttributes(DataInputStream in) throws IOException {
        int attributes = in.readUnsignedShort();
        for (int a = 0; a < attributes; a++) {
            in.readUnsignedShort();
            skip(in, in.readInt());
        }
    }
}
