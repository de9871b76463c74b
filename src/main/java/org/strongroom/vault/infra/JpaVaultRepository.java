package org.strongroom.vault.infra;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import org.strongroom.platform.VaultName;
import org.strongroom.vault.domain.EncryptionAtRestType;
import org.strongroom.vault.domain.Vault;
import org.strongroom.vault.domain.VaultRepository;

@ApplicationScoped
public class JpaVaultRepository implements VaultRepository {

    @PersistenceContext(unitName = "strongroom")
    EntityManager em;

    @Override
    public Optional<Vault> find(VaultName name) {
        return Optional.ofNullable(em.find(Vault.class, name.value()));
    }

    @Override
    public Optional<Vault> findForUpdate(VaultName name) {
        return Optional.ofNullable(em.find(Vault.class, name.value(), LockModeType.PESSIMISTIC_WRITE));
    }

    @Override
    public List<Vault> all() {
        return em.createQuery("SELECT v FROM Vault v", Vault.class).getResultList();
    }

    @Override
    public List<Vault> following(String versionlessKeyUri) {
        return em.createQuery("SELECT v FROM Vault v WHERE v.encryptionType = :cmk AND v.autoRotation = true"
                        + " AND v.keyUri = :uri", Vault.class)
                .setParameter("cmk", EncryptionAtRestType.CustomerManaged)
                .setParameter("uri", versionlessKeyUri)
                .getResultList();
    }

    @Override
    public List<Vault> withIdentity(String principalId) {
        return em.createQuery("SELECT v FROM Vault v WHERE v.identity.principalId = :principal", Vault.class)
                .setParameter("principal", principalId).getResultList();
    }

    @Override
    public List<Vault> followingKeys() {
        return em.createQuery("SELECT v FROM Vault v WHERE v.encryptionType = :cmk AND v.autoRotation = true", Vault.class)
                .setParameter("cmk", EncryptionAtRestType.CustomerManaged)
                .getResultList();
    }

    @Override
    public void add(Vault vault) {
        em.persist(vault);
    }

    @Override
    public void remove(Vault vault) {
        em.remove(vault);
    }
}
