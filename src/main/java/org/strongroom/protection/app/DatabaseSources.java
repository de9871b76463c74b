package org.strongroom.protection.app;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.strongroom.crypto.KeyMaterial;
import org.strongroom.crypto.PlatformKey;
import org.strongroom.platform.ErrorCode;
import org.strongroom.platform.ItemRef;
import org.strongroom.platform.StrongroomException;
import org.strongroom.postgresql.PostgresClients;
import org.strongroom.postgresql.PostgresConnection;
import org.strongroom.postgresql.PostgresException;
import org.strongroom.postgresql.PostgresSource;
import org.strongroom.protection.domain.ProtectedItem;

/**
 * The databases of {@code PostgreSQL} items: a registration is checked by connecting and dumping the
 * database's schema with the tools that fit its server; the password is sealed by the platform key
 * (bound to the item) on the way in and opened only to connect.
 */
@ApplicationScoped
public class DatabaseSources {

    /** A database and the login a registration gives for it; {@code password} null keeps the one registered. */
    public record Login(PostgresSource source, String user, char[] password) {
    }

    @Inject
    PostgresClients clients;

    @Inject
    PlatformKey platformKey;

    /**
     * Checks that the login reaches the database and may dump it ({@code UserErrorInvalidSource} otherwise);
     * answers the password to keep, sealed for {@code ref} — the registered one when the login gives none.
     */
    byte[] check(ItemRef ref, Login login, byte[] registeredPassword) {
        if (!PostgresSource.isName(login.user())) {
            throw new StrongroomException(ErrorCode.UserErrorInvalidSource, "source.user must be " + PostgresSource.NAMES,
                    "source.user");
        }
        byte[] sealed = login.password() == null ? registeredPassword : seal(ref, login.password());
        try (PostgresConnection connection = connect(ref, login.source(), login.user(), sealed)) {
            connection.checkDumpable();
        } catch (PostgresException e) {
            throw unreadable(login.source(), e);
        }
        return sealed;
    }

    /** Connects to the item's database as its registered user ({@code UserErrorInvalidSource} when that fails). */
    public PostgresConnection connect(ProtectedItem item) {
        PostgresSource source = PostgresSource.ofJdbcUrl(item.sourcePath());
        try {
            return connect(item.ref(), source, item.sourceUser(), item.sealedSourcePassword());
        } catch (PostgresException e) {
            throw unreadable(source, e);
        }
    }

    private PostgresConnection connect(ItemRef ref, PostgresSource source, String user, byte[] sealedPassword) {
        if (sealedPassword == null) {
            return clients.connect(source, user, null);
        }
        try (KeyMaterial opened = platformKey.open(sealedPassword, sealingContext(ref))) {
            char[] password = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(opened.bytes())).array();
            try {
                return clients.connect(source, user, password);
            } finally {
                Arrays.fill(password, '\0');
            }
        }
    }

    /** The refusal for a database that cannot be reached or read, with what the tool said. */
    public static StrongroomException unreadable(PostgresSource source, PostgresException e) {
        return new StrongroomException(ErrorCode.UserErrorInvalidSource, "The database " + source + " could not be read: "
                + e.getMessage(), "source", e);
    }

    private byte[] seal(ItemRef ref, char[] password) {
        ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        byte[] bytes = new byte[encoded.remaining()];
        encoded.get(bytes);
        try {
            return platformKey.seal(bytes, sealingContext(ref));
        } finally {
            Arrays.fill(bytes, (byte) 0);
            Arrays.fill(password, '\0');
        }
    }

    private static String sealingContext(ItemRef ref) {
        return "protectedItem:" + ref.vault().value() + "/" + ref.item() + ":sourcePassword";
    }
}
