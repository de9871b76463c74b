/**
 * All cryptography of Strongroom, and the only package that imports {@code javax.crypto} or
 * BouncyCastle. Other components use the small types here and never see an algorithm name.
 *
 * <p>BouncyCastle comes from the server's module {@code org.bouncycastle.bcprov}; it is only ever used
 * through its lightweight API or a provider <em>instance</em>, never by the provider name "BC", which
 * WildFly registers for its own (older) copy. Bulk data uses the JDK's AES-GCM, which is two orders of
 * magnitude faster than BouncyCastle's (see docs/format.md).
 */
package org.strongroom.crypto;
