package org.strongroom.diskencryption.infra;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.strongroom.diskencryption.domain.DiskEncryptionSet;
import org.strongroom.diskencryption.domain.DiskEncryptionSetRepository;

@ApplicationScoped
public class JpaDiskEncryptionSetRepository implements DiskEncryptionSetRepository {

    @PersistenceContext(unitName = "strongroom")
    EntityManager em;

    @Override
    public Optional<DiskEncryptionSet> find(String name) {
        return Optional.ofNullable(em.find(DiskEncryptionSet.class, name));
    }

    @Override
    public List<DiskEncryptionSet> all() {
        return em.createQuery("SELECT d FROM DiskEncryptionSet d ORDER BY d.name", DiskEncryptionSet.class).getResultList();
    }

    @Override
    public void add(DiskEncryptionSet set) {
        em.persist(set);
    }

    @Override
    public void remove(DiskEncryptionSet set) {
        em.remove(set);
    }
}
