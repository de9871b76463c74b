package org.strongroom.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Passwords: bcrypt with a fresh salt, the 8-character and 72-byte bounds, generated passwords, credential
 * fingerprints.
 */
class PasswordsTest {

    @Test
    void hash_isModularCryptBcryptThatMatchesOnlyItsPassword() {
        String hash = Passwords.hash("correct horse".toCharArray());
        assertTrue(hash.startsWith("$2a$10$"), hash);
        assertTrue(Passwords.matches("correct horse".toCharArray(), hash));
        assertFalse(Passwords.matches("correct horsE".toCharArray(), hash));
    }

    @Test
    void hash_isSaltedFreshEachTime() {
        assertNotEquals(Passwords.hash("same password".toCharArray()), Passwords.hash("same password".toCharArray()));
    }

    @Test
    void shortOrOverlongPasswords_areRefused() {
        assertNotNull(Passwords.weakness("short".toCharArray()));
        assertNotNull(Passwords.weakness("é".repeat(37).toCharArray()));
        assertNull(Passwords.weakness("long enough".toCharArray()));
        assertThrows(IllegalArgumentException.class, () -> Passwords.hash("short".toCharArray()));
    }

    @Test
    void matches_withMalformedHash_isFalseNotAnError() {
        assertFalse(Passwords.matches("whatever1".toCharArray(), "not-a-hash"));
        assertFalse(Passwords.matches("whatever1".toCharArray(), null));
    }

    @Test
    void generate_givesRequestedLengthFromUnambiguousAlphabet() {
        char[] password = Passwords.generate(24);
        assertEquals(24, password.length);
        assertTrue(new String(password).matches("[A-HJ-NP-Za-km-z2-9]{24}"));
    }

    @Test
    void credentialFingerprints_dependOnNamePasswordAndKey() {
        CredentialFingerprints one = new CredentialFingerprints();
        assertEquals(one.of("admin", "pw123456".toCharArray()), one.of("admin", "pw123456".toCharArray()));
        assertNotEquals(one.of("admin", "pw123456".toCharArray()), one.of("admin", "pw123457".toCharArray()));
        assertNotEquals(one.of("admin", "pw123456".toCharArray()), one.of("admim", "pw123456".toCharArray()));
        assertNotEquals(one.of("admin", "pw123456".toCharArray()),
                new CredentialFingerprints().of("admin", "pw123456".toCharArray()));
    }

    @Test
    void passwordLength_boundsAreInclusive() {
        assertNull(Passwords.weakness("8 chars!".toCharArray()));
        assertEquals("must have at least 8 characters", Passwords.weakness("7 chars".toCharArray()));
        assertNull(Passwords.weakness("x".repeat(72).toCharArray()));
        assertEquals("must not exceed 72 bytes in UTF-8", Passwords.weakness("x".repeat(73).toCharArray()));
        String longest = "y".repeat(72);
        String hash = Passwords.hash(longest.toCharArray());
        assertTrue(Passwords.matches(longest.toCharArray(), hash), "72 bytes still match");
        assertFalse(Passwords.matches((longest + "z").toCharArray(), hash), "73 bytes never match");
        assertFalse(Passwords.matches(new char[0], hash));
    }

    @Test
    void credentialFingerprints_separateNameFromPassword() {
        CredentialFingerprints fingerprints = new CredentialFingerprints();
        assertNotEquals(fingerprints.of("ab", "cdefghij".toCharArray()), fingerprints.of("abc", "defghij".toCharArray()));
    }
}
