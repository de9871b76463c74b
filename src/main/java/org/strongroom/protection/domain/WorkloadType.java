package org.strongroom.protection.domain;

/** What kind of data source an item is (API.md). */
public enum WorkloadType {
    /** A directory tree. */
    Files,
    /** A block device or disk image file. */
    Disk,
    /** A database, through the server's dump tool (not available yet). */
    PostgreSQL,
    /** A passphrase-based agent (the seed's MARS agent): not allowed in key-protected vaults. */
    Agent,
    /** A classic workload: not allowed in key-protected vaults. */
    Classic;

    /** Whether the server itself reads this kind of source (files and disks); the others have their agent. */
    public boolean backedUpByServer() {
        return this == Files || this == Disk;
    }

    /** Whether key-protected vaults refuse it (SPEC 19). */
    public boolean passphraseOrClassic() {
        return this == Agent || this == Classic;
    }
}
