package org.strongroom.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import javax.sql.DataSource;

/** Looks for secrets, in every encoding they could leak in, through the database, files and logs. */
public final class SecretScan {

    private SecretScan() {
    }

    /**
     * A secret as raw bytes, hex (both cases), and base64 and base64url at each of the three alignments it
     * can have inside a longer base64 text (e.g. a PKCS#8 key, whose private exponent starts anywhere): for
     * each, the characters that only the secret's own bytes determine.
     */
    public static Map<String, byte[]> needles(String name, byte[] raw) {
        Map<String, byte[]> needles = new LinkedHashMap<>();
        needles.put(name + " raw", raw);
        needles.put(name + " hex", HexFormat.of().formatHex(raw).getBytes(StandardCharsets.US_ASCII));
        needles.put(name + " HEX", HexFormat.of().withUpperCase().formatHex(raw).getBytes(StandardCharsets.US_ASCII));
        for (int skip = 0; skip < 3; skip++) {
            // The secret starting `skip` bytes into a 3-byte group: the whole groups after that one.
            int from = (3 - skip) % 3;
            int length = (raw.length - from) / 3 * 3;
            byte[] aligned = Arrays.copyOfRange(raw, from, from + length);
            String alignment = skip == 0 ? "" : " at alignment " + skip;
            needles.put(name + " base64" + alignment, Base64.getEncoder().encode(aligned));
            needles.put(name + " base64url" + alignment, Base64.getUrlEncoder().withoutPadding().encode(aligned));
        }
        return needles;
    }

    /** A secret number (an RSA private part): its unsigned bytes in every encoding, and in decimal. */
    public static Map<String, byte[]> needles(String name, BigInteger value) {
        Map<String, byte[]> needles = needles(name, unsigned(value));
        needles.put(name + " decimal", value.toString().getBytes(StandardCharsets.US_ASCII));
        return needles;
    }

    public static byte[] unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        return bytes[0] == 0 ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }

    /**
     * Whether {@code haystack} holds {@code needle}: as it is, or once line breaks and blanks are taken out,
     * so that base64 wrapped into lines (PEM, MIME, JSON escapes of a PEM) is found too.
     */
    public static boolean contains(byte[] haystack, byte[] needle) {
        return indexOf(haystack, needle) >= 0 || indexOf(withoutLineBreaks(haystack), needle) >= 0;
    }

    /** The names of the needles {@code haystack} holds. */
    public static List<String> found(byte[] haystack, Map<String, byte[]> needles) {
        byte[] folded = withoutLineBreaks(haystack);
        List<String> found = new ArrayList<>();
        needles.forEach((name, needle) -> {
            if (indexOf(haystack, needle) >= 0 || indexOf(folded, needle) >= 0) {
                found.add(name);
            }
        });
        return found;
    }

    /** The haystack without CR, LF, blanks, tabs and the two-character escapes "\\n" and "\\r". */
    static byte[] withoutLineBreaks(byte[] haystack) {
        byte[] out = new byte[haystack.length];
        int length = 0;
        for (int i = 0; i < haystack.length; i++) {
            byte b = haystack[i];
            if (b == '\\' && i + 1 < haystack.length && (haystack[i + 1] == 'n' || haystack[i + 1] == 'r')) {
                i++;
            } else if (b != '\n' && b != '\r' && b != ' ' && b != '\t') {
                out[length++] = b;
            }
        }
        return Arrays.copyOf(out, length);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** Every cell of every table of Strongroom's database, as bytes. */
    public static List<byte[]> everyCell(DataSource database) {
        List<byte[]> cells = new ArrayList<>();
        try (Connection connection = database.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = meta.getTables(null, null, "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    String schema = rs.getString("TABLE_SCHEM");
                    if (schema != null && (schema.equalsIgnoreCase("INFORMATION_SCHEMA") || schema.equalsIgnoreCase("pg_catalog"))) {
                        continue;
                    }
                    tables.add((schema == null ? "" : "\"" + schema + "\".") + "\"" + rs.getString("TABLE_NAME") + "\"");
                }
            }
            if (tables.size() < 8) {
                throw new IllegalStateException("expected Strongroom's tables, found " + tables);
            }
            for (String table : tables) {
                try (Statement statement = connection.createStatement();
                     ResultSet rows = statement.executeQuery("SELECT * FROM " + table)) {
                    ResultSetMetaData columns = rows.getMetaData();
                    while (rows.next()) {
                        for (int c = 1; c <= columns.getColumnCount(); c++) {
                            int type = columns.getColumnType(c);
                            byte[] cell = type == Types.BINARY || type == Types.VARBINARY || type == Types.LONGVARBINARY
                                    ? rows.getBytes(c)
                                    : rows.getString(c) == null ? null : rows.getString(c).getBytes(StandardCharsets.UTF_8);
                            if (cell != null) {
                                cells.add(cell);
                            }
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return cells;
    }

    /** The contents of every regular file under {@code root}. */
    public static Map<Path, byte[]> everyFile(Path root) {
        Map<Path, byte[]> files = new LinkedHashMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(file, Files.readAllBytes(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }
}
