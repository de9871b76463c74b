package org.strongroom.security.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.Test;
import org.strongroom.security.domain.Role;
import org.strongroom.security.domain.UserAccount;
import org.strongroom.security.domain.UserRepository;

/** The first start without a password generates one, answers it, and logs nothing of it. */
class UserAccountsTest {

    /** Users in a list. */
    private static final class Users implements UserRepository {
        final List<UserAccount> all = new ArrayList<>();

        @Override
        public Optional<UserAccount> find(String name) {
            return all.stream().filter(u -> u.name().equals(name)).findFirst();
        }

        @Override
        public Optional<Long> version(String name) {
            return find(name).map(UserAccount::version);
        }

        @Override
        public List<UserAccount> all() {
            return all;
        }

        @Override
        public void add(UserAccount user) {
            all.add(user);
        }

        @Override
        public void remove(UserAccount user) {
            all.remove(user);
        }

        @Override
        public long countAdmins() {
            return all.stream().filter(UserAccount::isAdmin).count();
        }
    }

    @Test
    void firstStartWithoutAPassword_generatesOne_answersIt_andLogsNothingOfIt() {
        UserAccounts accounts = new UserAccounts();
        accounts.users = new Users();
        List<String> logged = new ArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger.getLogger("org.strongroom").addHandler(handler);
        try {
            char[] generated = accounts.ensureAdmin(null).orElseThrow();
            assertTrue(accounts.users.find("admin").orElseThrow().passwordMatches(generated));
            assertTrue(accounts.users.find("admin").orElseThrow().roles().contains(Role.admin));
            assertTrue(accounts.users.find("admin").orElseThrow().principalId().isPresent(), "the admin has a principal id");
            String secret = new String(generated);
            assertFalse(logged.stream().anyMatch(line -> line != null && line.contains(secret)), "the log holds the password: " + logged);
            assertEquals(Optional.empty(), accounts.ensureAdmin(null), "an existing admin is left alone");
        } finally {
            Logger.getLogger("org.strongroom").removeHandler(handler);
        }
    }
}
