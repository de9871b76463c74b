package org.strongroom.platform;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.metamodel.EntityType;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.strongroom.support.Deployments;

/**
 * The entities match the schema the migrations create: every entity can be read with all its columns.
 * Hibernate never creates tables here, so a misnamed column would otherwise only show as a 500.
 */
@ExtendWith(ArquillianExtension.class)
class PersistenceMappingIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.strongroom();
    }

    @PersistenceContext(unitName = "strongroom")
    EntityManager em;

    @Test
    void everyEntity_readsAllItsColumnsFromTheMigratedSchema() {
        List<String> failures = new ArrayList<>();
        for (EntityType<?> entity : em.getMetamodel().getEntities()) {
            try {
                em.createQuery("SELECT e FROM " + entity.getName() + " e", entity.getJavaType()).setMaxResults(1).getResultList();
            } catch (RuntimeException e) {
                failures.add(entity.getName() + ": " + e.getMessage());
            }
        }
        assertTrue(em.getMetamodel().getEntities().size() >= 8, "entities: " + em.getMetamodel().getEntities().size());
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }
}
