/** The chunk store on the local (or a shared) filesystem, and the chunk index on JDBC. */
package org.strongroom.storage.infra;
