package org.strongroom.activitylog.app;

import java.util.List;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.strongroom.activitylog.domain.ActivityChainHead;
import org.strongroom.activitylog.domain.ChainLinks;
import org.strongroom.crypto.HashChain;
import org.strongroom.crypto.KeyMaterial;
import org.strongroom.crypto.PlatformKey;

/**
 * The activity log's chain key: derived from the platform master key ("activity-log/chain"), so it
 * lies where that key lies — outside the database. Links are HMAC-SHA-256 under it, and the head the
 * server writes out is signed with it too.
 */
@ApplicationScoped
public class ChainKey implements ChainLinks {

    static final String CONTEXT = "activity-log/chain";

    @Inject
    PlatformKey platformKey;

    private KeyMaterial key;

    @PostConstruct
    void derive() {
        key = platformKey.derive(CONTEXT);
    }

    @PreDestroy
    void forget() {
        key.close();
    }

    /** Links as they were before chain keys: plain SHA-256, which anyone can recompute. */
    static final ChainLinks UNKEYED = HashChain::link;

    /** The links the record with {@code sequence} must have, by {@code head}'s account of where keying began. */
    ChainLinks linksAt(ActivityChainHead head, long sequence) {
        return head.keyedAt(sequence) ? this : UNKEYED;
    }

    @Override
    public String link(String previous, List<String> fields) {
        return HashChain.link(key, previous, fields);
    }
}
