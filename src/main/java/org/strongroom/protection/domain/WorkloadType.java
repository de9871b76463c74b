package org.strongroom.protection.domain;

/** What kind of data source an item is (API.md). */
public enum WorkloadType {
    /** A directory tree. */
    Files,
    /** A block device or disk image file. */
    Disk,
    /** A PostgreSQL database, dumped by the server with the client tools that fit its version. */
    PostgreSQL,
    /** A passphrase-based agent (the seed's MARS agent): not allowed in key-protected vaults. */
    Agent,
    /** A classic workload: not allowed in key-protected vaults. */
    Classic;

    /** Whether the server itself reads this kind of source (files, disks, databases); the others have their agent. */
    public boolean backedUpByServer() {
        return this == Files || this == Disk || this == PostgreSQL;
    }

    /** Whether key-protected vaults refuse it (SPEC 19). */
    public boolean passphraseOrClassic() {
        return this == Agent || this == Classic;
    }
}
