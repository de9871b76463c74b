package org.strongroom.security.domain;

import java.util.List;
import java.util.Optional;

/** Where users are kept. Callers run inside a transaction. */
public interface UserRepository {

    Optional<UserAccount> find(String name);

    /** The version of the user's row (it grows with every change of password or roles); empty when there is no such user. */
    Optional<Long> version(String name);

    List<UserAccount> all();

    void add(UserAccount user);

    void remove(UserAccount user);

    long countAdmins();
}
