package org.strongroom.security.infra;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.strongroom.security.domain.Role;
import org.strongroom.security.domain.UserAccount;
import org.strongroom.security.domain.UserRepository;

@ApplicationScoped
public class JpaUserRepository implements UserRepository {

    @PersistenceContext(unitName = "strongroom")
    EntityManager em;

    @Override
    public Optional<UserAccount> find(String name) {
        return Optional.ofNullable(em.find(UserAccount.class, name));
    }

    @Override
    public Optional<Long> version(String name) {
        return em.createQuery("SELECT u.version FROM UserAccount u WHERE u.name = :name", Long.class)
                .setParameter("name", name).getResultStream().findFirst();
    }

    @Override
    public List<UserAccount> all() {
        return em.createQuery("SELECT u FROM UserAccount u", UserAccount.class).getResultList();
    }

    @Override
    public void add(UserAccount user) {
        em.persist(user);
    }

    @Override
    public void remove(UserAccount user) {
        em.remove(user);
    }

    @Override
    public long countAdmins() {
        return em.createQuery("SELECT COUNT(u) FROM UserAccount u WHERE :admin MEMBER OF u.roles", Long.class)
                .setParameter("admin", Role.admin)
                .getSingleResult();
    }
}
